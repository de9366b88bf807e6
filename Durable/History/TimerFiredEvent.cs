namespace Fractal.Durable.History;

/// <summary>Timer <paramref name="TaskId"/> fired.</summary>
public sealed record TimerFiredEvent(int TaskId, DateTime FireAt) : HistoryEvent;
