namespace Fractal.Durable.History;

/// <summary>The orchestrator created timer <paramref name="TaskId"/> due at <paramref name="FireAt"/>.</summary>
public sealed record TimerCreatedEvent(int TaskId, DateTime FireAt) : HistoryEvent;
