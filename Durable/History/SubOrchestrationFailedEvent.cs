namespace Fractal.Durable.History;

/// <summary>Child orchestration task <paramref name="TaskId"/> failed.</summary>
public sealed record SubOrchestrationFailedEvent(int TaskId, TaskFailureDetails Failure) : HistoryEvent;
