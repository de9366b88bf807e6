using Fractal.Durable.Backends;
using Fractal.Durable.History;

namespace Fractal.Durable.Engine;

/// <summary>
/// An instance's committed history and what follows from it: which tasks are done, which timers
/// fired, which external events arrived, whether it has ended. Kept between steps when extended
/// sessions are on.
/// </summary>
internal sealed class OrchestrationState
{
    private readonly HashSet<int> _scheduled = [];
    private readonly HashSet<int> _finished = [];
    private readonly HashSet<string> _raisedMessageIds = new(StringComparer.Ordinal);
    private readonly List<HistoryEvent> _events = [];

    public OrchestrationState(string instanceId, OrchestrationHistory history)
    {
        InstanceId = instanceId;
        ExecutionId = history.ExecutionId;
        Checkpoint = history.Checkpoint;
        foreach (var historyEvent in history.Events)
        {
            Apply(historyEvent);
        }
    }

    public string InstanceId { get; }

    public string? ExecutionId { get; private set; }

    public string? Checkpoint { get; private set; }

    public IReadOnlyList<HistoryEvent> Events => _events;

    public ExecutionStartedEvent? Started { get; private set; }

    public ExecutionCompletedEvent? Completed { get; private set; }

    public bool IsSuspended { get; private set; }

    /// <summary>Where the last step's events begin (its OrchestratorStarted event).</summary>
    public int LastStepStart { get; private set; }

    /// <summary>Whether <paramref name="historyEvent"/> adds nothing: it repeats what history holds, or comes too late.</summary>
    public bool IsRedundant(HistoryEvent historyEvent)
    {
        if (historyEvent is ExecutionStartedEvent started)
        {
            return Started is not null && (started.ExecutionId == ExecutionId || Completed is null);
        }

        if (Started is null || Completed is not null)
        {
            return true;
        }

        var closed = HistoryEventTasks.Closed(historyEvent);
        return closed >= 0 ? !_scheduled.Contains(closed) || _finished.Contains(closed) : historyEvent switch
        {
            EventRaisedEvent e => _raisedMessageIds.Contains(e.MessageId),
            ExecutionSuspendedEvent => IsSuspended,
            ExecutionResumedEvent => !IsSuspended,
            _ => false,
        };
    }

    /// <summary>Whether history already holds a result for <paramref name="historyEvent"/>'s task (a redelivery, not just a late event).</summary>
    public bool IsDuplicate(HistoryEvent historyEvent) => historyEvent switch
    {
        ExecutionStartedEvent started => started.ExecutionId == ExecutionId,
        EventRaisedEvent e => _raisedMessageIds.Contains(e.MessageId),
        _ => HistoryEventTasks.Closed(historyEvent) is var closed and >= 0 && _finished.Contains(closed),
    };

    /// <summary>Records events that were just committed under <paramref name="checkpoint"/>.</summary>
    public void Commit(string executionId, IReadOnlyList<HistoryEvent> events, string checkpoint)
    {
        if (executionId != ExecutionId)
        {
            Reset(executionId);
        }

        LastStepStart = _events.Count;
        foreach (var historyEvent in events)
        {
            Apply(historyEvent);
        }

        Checkpoint = checkpoint;
    }

    private void Reset(string executionId)
    {
        ExecutionId = executionId;
        _events.Clear();
        _scheduled.Clear();
        _finished.Clear();
        _raisedMessageIds.Clear();
        Started = null;
        Completed = null;
        IsSuspended = false;
        LastStepStart = 0;
    }

    private void Apply(HistoryEvent historyEvent)
    {
        if (historyEvent is OrchestratorStartedEvent)
        {
            LastStepStart = _events.Count;
        }

        _events.Add(historyEvent);
        if (HistoryEventTasks.Opened(historyEvent) is var opened and >= 0)
        {
            _scheduled.Add(opened);
        }
        else if (HistoryEventTasks.Closed(historyEvent) is var closed and >= 0)
        {
            _finished.Add(closed);
        }

        switch (historyEvent)
        {
            case ExecutionStartedEvent started:
                Started = started;
                break;
            case ExecutionCompletedEvent completed:
                Completed = completed;
                break;
            case EventRaisedEvent e:
                _raisedMessageIds.Add(e.MessageId);
                break;
            case ExecutionSuspendedEvent:
                IsSuspended = true;
                break;
            case ExecutionResumedEvent:
                IsSuspended = false;
                break;
            default:
                break;
        }
    }
}
