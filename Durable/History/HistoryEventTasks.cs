namespace Fractal.Durable.History;

/// <summary>Which task an event opens (scheduled activity, timer, sub-orchestration) or closes (its result).</summary>
internal static class HistoryEventTasks
{
    /// <summary>The task id that <paramref name="historyEvent"/> schedules, or -1.</summary>
    public static int Opened(HistoryEvent historyEvent) => historyEvent switch
    {
        TaskScheduledEvent e => e.TaskId,
        TimerCreatedEvent e => e.TaskId,
        SubOrchestrationCreatedEvent e => e.TaskId,
        _ => -1,
    };

    /// <summary>The task id whose result <paramref name="historyEvent"/> carries, or -1.</summary>
    public static int Closed(HistoryEvent historyEvent) => historyEvent switch
    {
        TaskCompletedEvent e => e.TaskId,
        TaskFailedEvent e => e.TaskId,
        TimerFiredEvent e => e.TaskId,
        SubOrchestrationCompletedEvent e => e.TaskId,
        SubOrchestrationFailedEvent e => e.TaskId,
        _ => -1,
    };
}
