namespace Fractal.Durable.History;

/// <summary>The orchestrator scheduled activity <paramref name="Name"/> as task <paramref name="TaskId"/>.</summary>
public sealed record TaskScheduledEvent(int TaskId, string Name, string? Input) : HistoryEvent;
