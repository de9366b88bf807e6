namespace Fractal.Durable.History;

/// <summary>Child orchestration task <paramref name="TaskId"/> completed with <paramref name="Result"/> (JSON).</summary>
public sealed record SubOrchestrationCompletedEvent(int TaskId, string? Result) : HistoryEvent;
