namespace Fractal.Durable.History;

/// <summary>Marks the start of one orchestrator step; its timestamp is <c>CurrentUtcDateTime</c> for that step.</summary>
public sealed record OrchestratorStartedEvent : HistoryEvent;
