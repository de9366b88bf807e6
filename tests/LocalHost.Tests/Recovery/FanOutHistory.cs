using DurableTask.Core.History;

namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>What a fan-out's history says about its activities.</summary>
internal static class FanOutHistory
{
    /// <summary>How many activity results the history holds.</summary>
    public static int Completed(IList<HistoryEvent> history) => history.OfType<TaskCompletedEvent>().Count();

    /// <summary>
    /// Checks that each of the <paramref name="count"/> activities was scheduled exactly once (task ids 0..count-1),
    /// and that each has its result in the history and none failed.
    /// </summary>
    /// <returns>
    /// How many results the history holds more than once. After a SIGKILL, DTFx runs again the activities the dead
    /// worker had run but not acknowledged, and delivers again the control-queue messages it had received but not
    /// deleted; it appends each such <see cref="TaskCompletedEvent"/> to the history (its deduplication keys on
    /// <c>EventId</c>, which completions leave at -1), and the orchestrator, having the task's result, ignores it.
    /// </returns>
    public static int AssertEachActivityScheduledOnceAndCompleted(IList<HistoryEvent> history, int count)
    {
        var scheduled = history.OfType<TaskScheduledEvent>().Select(e => e.EventId).Order().ToList();
        Assert.Equal(Enumerable.Range(0, count), scheduled);
        Assert.Empty(history.OfType<TaskFailedEvent>());

        var completed = history.OfType<TaskCompletedEvent>().GroupBy(e => e.TaskScheduledId).ToList();
        Assert.Equal(Enumerable.Range(0, count), completed.Select(g => g.Key).Order());
        return completed.Sum(g => g.Count() - 1);
    }
}
