namespace Fractal.Durable.Client;

/// <summary>How to start an orchestration: its instance id (a new GUID when null) and when to start.</summary>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
