namespace Fractal.Durable.History;

/// <summary>Activity task <paramref name="TaskId"/> threw.</summary>
public sealed record TaskFailedEvent(int TaskId, TaskFailureDetails Failure) : HistoryEvent;
