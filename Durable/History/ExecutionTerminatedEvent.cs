namespace Fractal.Durable.History;

/// <summary>A client asked for the instance to end now, for <paramref name="Reason"/>.</summary>
public sealed record ExecutionTerminatedEvent(string? Reason) : HistoryEvent;
