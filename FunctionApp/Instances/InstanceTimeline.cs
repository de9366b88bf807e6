using System.Text.Json.Serialization;
using DurableTask.Core.History;

namespace Fractal.FunctionApp.Instances;

/// <summary>
/// An orchestration's history as the page draws it: a bar per activity, sub-orchestration and timer from the time it
/// was scheduled to the time it ended (so a fan-out shows as bars side by side), and the events between, by time.
/// Only names, ids and times: no input or result of any step.
/// </summary>
public sealed record InstanceTimeline(
    [property: JsonPropertyName("started")] DateTimeOffset? Started,
    [property: JsonPropertyName("ended")] DateTimeOffset? Ended,
    [property: JsonPropertyName("bars")] IReadOnlyList<TimelineBar> Bars,
    [property: JsonPropertyName("events")] IReadOnlyList<TimelineEvent> Events)
{
    /// <summary>Pairs each scheduled step with the event that ended it; steps not yet ended have no end.</summary>
    public static InstanceTimeline From(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = history.OrderBy(e => e.Timestamp).ToList();
        var bars = new List<TimelineBar>();
        var open = new Dictionary<(string Kind, int Id), int>();
        DateTimeOffset? started = null;
        DateTimeOffset? ended = null;
        foreach (var e in events)
        {
            var time = At(e.Timestamp);
            switch (e)
            {
                case ExecutionStartedEvent:
                    started ??= time;
                    break;
                case ExecutionCompletedEvent or ExecutionTerminatedEvent:
                    ended = time;
                    break;
                case TaskScheduledEvent scheduled:
                    Open(TimelineBar.Activity, scheduled.EventId, scheduled.Name, time, null);
                    break;
                case TaskCompletedEvent completed:
                    Close(TimelineBar.Activity, completed.TaskScheduledId, time, TimelineBar.Completed);
                    break;
                case TaskFailedEvent failed:
                    Close(TimelineBar.Activity, failed.TaskScheduledId, time, TimelineBar.Failed);
                    break;
                case SubOrchestrationInstanceCreatedEvent created:
                    Open(TimelineBar.SubOrchestration, created.EventId, created.Name, time, created.InstanceId);
                    break;
                case SubOrchestrationInstanceCompletedEvent completed:
                    Close(TimelineBar.SubOrchestration, completed.TaskScheduledId, time, TimelineBar.Completed);
                    break;
                case SubOrchestrationInstanceFailedEvent failed:
                    Close(TimelineBar.SubOrchestration, failed.TaskScheduledId, time, TimelineBar.Failed);
                    break;
                case TimerCreatedEvent timer:
                    Open(TimelineBar.Timer, timer.EventId, "timer", time, null);
                    break;
                case TimerFiredEvent fired:
                    Close(TimelineBar.Timer, fired.TimerId, time, TimelineBar.Completed);
                    break;
            }
        }

        return new InstanceTimeline(started, ended, bars, [.. events.Select(e => new TimelineEvent(e.EventType.ToString(), At(e.Timestamp), NameOf(e), e.EventId))]);

        void Open(string kind, int id, string? name, DateTimeOffset time, string? instanceId)
        {
            open[(kind, id)] = bars.Count;
            bars.Add(new TimelineBar(kind, name ?? string.Empty, id, time, null, TimelineBar.Running, instanceId));
        }

        void Close(string kind, int id, DateTimeOffset time, string outcome)
        {
            if (open.Remove((kind, id), out var index))
            {
                bars[index] = bars[index] with { Ended = time, Outcome = outcome };
            }
        }
    }

    private static DateTimeOffset At(DateTime timestamp) =>
        new(DateTime.SpecifyKind(timestamp, timestamp.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc));

    private static string? NameOf(HistoryEvent e) => e switch
    {
        ExecutionStartedEvent started => started.Name,
        TaskScheduledEvent scheduled => scheduled.Name,
        SubOrchestrationInstanceCreatedEvent created => created.Name,
        EventRaisedEvent raised => raised.Name,
        EventSentEvent sent => sent.Name,
        ExecutionCompletedEvent completed => completed.OrchestrationStatus.ToString(),
        _ => null,
    };
}
