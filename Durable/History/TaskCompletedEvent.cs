namespace Fractal.Durable.History;

/// <summary>Activity task <paramref name="TaskId"/> returned <paramref name="Result"/> (JSON).</summary>
public sealed record TaskCompletedEvent(int TaskId, string? Result) : HistoryEvent;
