using DurableTask.Core;
using DurableTask.Core.History;
using Fractal.FunctionApp.Instances;

namespace Fractal.FunctionApp.Tests.Instances;

public sealed class InstanceTimelineTests
{
    private static readonly DateTime s_start = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void From_FanOutHistory_GivesOverlappingBarsEachEndedByItsOwnCompletion()
    {
        var history = new HistoryEvent[]
        {
            At(new ExecutionStartedEvent(-1, null) { Name = "Orchestrator" }, 0),
            At(new TaskScheduledEvent(0, "Work"), 10),
            At(new TaskScheduledEvent(1, "Work"), 10),
            At(new TaskScheduledEvent(2, "Work"), 10),
            At(new TaskCompletedEvent(-1, 1, null), 300),
            At(new TaskCompletedEvent(-1, 0, null), 500),
            At(new TaskFailedEvent(-1, 2, "boom", null), 700),
            At(new ExecutionCompletedEvent(-1, null, OrchestrationStatus.Completed), 800),
        };

        var timeline = InstanceTimeline.From(history);

        Assert.Equal(new DateTimeOffset(s_start), timeline.Started);
        Assert.Equal(new DateTimeOffset(s_start.AddMilliseconds(800)), timeline.Ended);
        Assert.Equal([0, 1, 2], timeline.Bars.Select(b => b.Id));
        Assert.All(timeline.Bars, b => Assert.Equal(new DateTimeOffset(s_start.AddMilliseconds(10)), b.Scheduled));
        Assert.Equal([500, 300, 700], timeline.Bars.Select(b => (b.Ended!.Value - timeline.Started!.Value).TotalMilliseconds));
        Assert.Equal([TimelineBar.Completed, TimelineBar.Completed, TimelineBar.Failed], timeline.Bars.Select(b => b.Outcome));
        Assert.Equal(8, timeline.Events.Count);
        Assert.Equal("Completed", timeline.Events[^1].Name);
    }

    [Fact]
    public void From_RunningHistory_LeavesUnfinishedStepsOpenAndNamesSubOrchestrationsAndTimers()
    {
        var history = new HistoryEvent[]
        {
            At(new ExecutionStartedEvent(-1, null) { Name = "Chain" }, 0),
            At(new SubOrchestrationInstanceCreatedEvent(0) { Name = "Step", InstanceId = "child-1" }, 5),
            At(new SubOrchestrationInstanceCompletedEvent(-1, 0, null), 50),
            At(new TimerCreatedEvent(1) { FireAt = s_start.AddSeconds(1) }, 60),
            At(new TaskScheduledEvent(2, "Slow"), 70),
            At(new EventRaisedEvent(-1, null) { Name = "approval" }, 80),
        };

        var timeline = InstanceTimeline.From(history);

        Assert.Null(timeline.Ended);
        var (sub, timer, slow) = (timeline.Bars[0], timeline.Bars[1], timeline.Bars[2]);
        Assert.Equal((TimelineBar.SubOrchestration, "Step", "child-1", TimelineBar.Completed), (sub.Kind, sub.Name, sub.InstanceId, sub.Outcome));
        Assert.Equal((TimelineBar.Timer, TimelineBar.Running), (timer.Kind, timer.Outcome));
        Assert.Equal((TimelineBar.Activity, "Slow", TimelineBar.Running, (DateTimeOffset?)null), (slow.Kind, slow.Name, slow.Outcome, slow.Ended));
        Assert.Contains(timeline.Events, e => e.Type == nameof(EventType.EventRaised) && e.Name == "approval");
    }

    private static HistoryEvent At(HistoryEvent e, int milliseconds)
    {
        e.Timestamp = s_start.AddMilliseconds(milliseconds);
        return e;
    }
}
