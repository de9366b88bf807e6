using Fractal.Durable.History;

namespace Fractal.Durable.Tests.Backends;

/// <summary>History events for backend tests: one of every type, and long runs of task events.</summary>
internal static class HistoryEventSamples
{
    public static DateTime At { get; } = new DateTime(2026, 3, 14, 15, 9, 26, DateTimeKind.Utc).AddTicks(5358979);

    /// <summary>One event of every type the history knows, with every field set.</summary>
    public static IReadOnlyList<HistoryEvent> EveryType(string executionId)
    {
        var failure = new TaskFailureDetails("System.InvalidOperationException", "It broke \"badly\" <here> & there\n\u0001", "at Somewhere()");
        return
        [
            new ExecutionStartedEvent("Hello", "\"Tokyo\"", executionId) { Timestamp = At, ParentInstanceId = "parent", ParentExecutionId = "parent-exec", ParentTaskId = 3 },
            new OrchestratorStartedEvent { Timestamp = At.AddSeconds(1) },
            new TaskScheduledEvent(0, "SayHello", "\"Tokyo\"") { Timestamp = At.AddSeconds(2) },
            new TaskCompletedEvent(0, "\"Hello Tokyo!\"") { Timestamp = At.AddSeconds(3) },
            new TaskFailedEvent(1, failure) { Timestamp = At.AddSeconds(4) },
            new TimerCreatedEvent(2, At.AddMinutes(5)) { Timestamp = At.AddSeconds(5) },
            new TimerFiredEvent(2, At.AddMinutes(5)) { Timestamp = At.AddMinutes(5) },
            new EventRaisedEvent("approval", "true", "message-1") { Timestamp = At.AddMinutes(6) },
            new SubOrchestrationCreatedEvent(3, "Child", "child-1", "{\"n\":1}") { Timestamp = At.AddMinutes(7) },
            new SubOrchestrationCompletedEvent(3, "42") { Timestamp = At.AddMinutes(8) },
            new SubOrchestrationFailedEvent(4, failure) { Timestamp = At.AddMinutes(9) },
            new ExecutionSuspendedEvent("pause") { Timestamp = At.AddMinutes(10) },
            new ExecutionResumedEvent(null) { Timestamp = At.AddMinutes(11) },
            new ExecutionTerminatedEvent("enough") { Timestamp = At.AddMinutes(12) },
            new ExecutionPoisonedEvent("dequeued 6 times") { Timestamp = At.AddMinutes(13) },
            new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, failure) { Timestamp = At.AddMinutes(14) },
        ];
    }

    /// <summary><paramref name="count"/> completed tasks whose ids and results follow their position.</summary>
    public static IReadOnlyList<HistoryEvent> CompletedTasks(int count, int firstTaskId = 0) =>
        [.. Enumerable.Range(firstTaskId, count).Select(i => new TaskCompletedEvent(i, $"{i}") { Timestamp = At.AddMilliseconds(i) })];
}
