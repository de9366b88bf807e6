namespace Fractal.Durable.History;

/// <summary>A message for the instance failed too often and went to the poison queue; the instance fails with <paramref name="Reason"/>.</summary>
public sealed record ExecutionPoisonedEvent(string Reason) : HistoryEvent;
