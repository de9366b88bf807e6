namespace Fractal.Durable.Engine;

/// <summary>One run of an activity: its name, JSON input, the instance that called it, and a token that fires at shutdown.</summary>
public sealed record ActivityInvocation(string Name, string? Input, string InstanceId, int TaskId, CancellationToken CancellationToken);
