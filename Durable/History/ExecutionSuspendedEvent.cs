namespace Fractal.Durable.History;

/// <summary>A client suspended the instance: events wait until it is resumed.</summary>
public sealed record ExecutionSuspendedEvent(string? Reason) : HistoryEvent;
