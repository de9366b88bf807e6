using System.Security.Cryptography;
using System.Text;
using Fractal.Durable.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fractal.Durable.Replay;

/// <summary>
/// The orchestration context during a replay: every call becomes an action with the next task id;
/// history events complete the tasks those actions opened.
/// </summary>
internal sealed class ReplayOrchestrationContext : TaskOrchestrationContext
{
    private readonly DataConverter _converter;
    private readonly ILoggerFactory _loggerFactory;
    private readonly string? _input;
    private readonly Dictionary<int, HistoryEvent> _pendingActions = [];
    private readonly List<HistoryEvent> _actionOrder = [];
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaisedEvent> _bufferedEvents = [];
    private int _nextTaskId;
    private int _guidCounter;
    private DateTime _currentUtcDateTime;

    public ReplayOrchestrationContext(string name, string instanceId, string? input, DataConverter converter, ILoggerFactory? loggerFactory)
    {
        Name = name;
        InstanceId = instanceId;
        _input = input;
        _converter = converter;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    public override DateTime CurrentUtcDateTime => _currentUtcDateTime;

    public override bool IsReplaying => ReplayingFlag;

    internal bool ReplayingFlag { get; set; }

    internal string? CustomStatusJson { get; private set; }

    internal (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    internal IReadOnlyList<EventRaisedEvent> BufferedEvents => _bufferedEvents;

    public override T? GetInput<T>() where T : default => _converter.Deserialize<T>(_input);

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var inputJson = _converter.Serialize(input);
        var result = await WithRetries(options?.Retry, () =>
        {
            var id = _nextTaskId++;
            return Open(id, new TaskScheduledEvent(id, name, inputJson) { Timestamp = _currentUtcDateTime }, name);
        });
        return _converter.Deserialize<TResult>(result)!;
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var inputJson = _converter.Serialize(input);
        var explicitId = (options as SubOrchestrationOptions)?.InstanceId;
        var result = await WithRetries(options?.Retry, () =>
        {
            var id = _nextTaskId++;
            var childId = explicitId ?? $"{InstanceId}:{id:D4}";
            return Open(id, new SubOrchestrationCreatedEvent(id, name, childId, inputJson) { Timestamp = _currentUtcDateTime }, name);
        });
        return _converter.Deserialize<TResult>(result)!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = _nextTaskId++;
        var fireAtUtc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var task = Open(id, new TimerCreatedEvent(id, fireAtUtc) { Timestamp = _currentUtcDateTime }, "timer");
        if (!cancellationToken.CanBeCanceled)
        {
            return task;
        }

        // A cancelled timer still fires in history later; the orchestrator just stops waiting for it.
        var cancellable = new TaskCompletionSource();
        cancellationToken.Register(() => cancellable.TrySetCanceled(cancellationToken));
        task.ContinueWith(
            t => _ = t.IsFaulted ? cancellable.TrySetException(t.Exception!.InnerExceptions) : cancellable.TrySetResult(),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return cancellable.Task;
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var buffered = _bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            var raised = _bufferedEvents[buffered];
            _bufferedEvents.RemoveAt(buffered);
            return _converter.Deserialize<T>(raised.Input)!;
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!_eventWaiters.TryGetValue(eventName, out var waiters))
        {
            waiters = new LinkedList<TaskCompletionSource<string?>>();
            _eventWaiters[eventName] = waiters;
        }

        var node = waiters.AddLast(waiter);
        await using var registration = cancellationToken.Register(() =>
        {
            if (node.List is not null)
            {
                waiters.Remove(node);
            }

            waiter.TrySetCanceled(cancellationToken);
        });
        var json = await waiter.Task;
        return _converter.Deserialize<T>(json)!;
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatusJson = _converter.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (_converter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        // A name-based GUID (RFC 9562 version 8) from the instance, the step time and a counter: stable on replay.
        var name = $"{InstanceId}_{_currentUtcDateTime:O}_{_guidCounter++}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(_loggerFactory.CreateLogger(categoryName), this);

    internal void SetCurrentTime(DateTime timestamp) => _currentUtcDateTime = DateTime.SpecifyKind(timestamp, DateTimeKind.Utc);

    /// <summary>Confirms an action against the history event that recorded it.</summary>
    internal void Confirm(int taskId, string kind, string name)
    {
        if (!_pendingActions.Remove(taskId, out var action))
        {
            throw new NonDeterministicOrchestrationException(
                $"History expects {kind} '{name}' as task #{taskId}, but the orchestrator's code did not make that call when replayed. " +
                "Orchestrator code must be deterministic.");
        }

        var (actualKind, actualName) = Describe(action);
        if (actualKind != kind || !string.Equals(actualName, name, StringComparison.Ordinal))
        {
            throw new NonDeterministicOrchestrationException(
                $"History expects {kind} '{name}' as task #{taskId}, but the orchestrator's code made {actualKind} '{actualName}' there. " +
                "Orchestrator code must be deterministic.");
        }
    }

    internal void Complete(int taskId, string? result)
    {
        if (_openTasks.Remove(taskId, out var open))
        {
            open.Completion.TrySetResult(result);
        }
    }

    internal void Fail(int taskId, TaskFailureDetails failure)
    {
        if (_openTasks.Remove(taskId, out var open))
        {
            open.Completion.TrySetException(new TaskFailedException(open.Name, taskId, failure));
        }
    }

    internal void Raise(EventRaisedEvent raised)
    {
        if (_eventWaiters.TryGetValue(raised.Name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
            return;
        }

        _bufferedEvents.Add(raised);
    }

    /// <summary>The actions made in this replay that history does not yet record, in the order they were made.</summary>
    internal IReadOnlyList<HistoryEvent> UnconfirmedActions() =>
        [.. _actionOrder.Where(a => _pendingActions.ContainsKey(HistoryEventTasks.Opened(a)))];

    private async Task<string?> WithRetries(RetryPolicy? retry, Func<Task<string?>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException) when (retry is not null && number < retry.MaxNumberOfAttempts)
            {
                await CreateTimer(CurrentUtcDateTime.Add(retry.DelayAfter(number)), CancellationToken.None);
            }
        }
    }

    private Task<string?> Open(int taskId, HistoryEvent action, string name)
    {
        _pendingActions[taskId] = action;
        _actionOrder.Add(action);
        var completion = new TaskCompletionSource<string?>();
        _openTasks[taskId] = new OpenTask(name, completion);
        return completion.Task;
    }

    private static (string Kind, string Name) Describe(HistoryEvent action) => action switch
    {
        TaskScheduledEvent scheduled => ("activity", scheduled.Name),
        SubOrchestrationCreatedEvent created => ("sub-orchestration", created.Name),
        TimerCreatedEvent => ("timer", "timer"),
        _ => (action.GetType().Name, action.GetType().Name),
    };

    private sealed record OpenTask(string Name, TaskCompletionSource<string?> Completion);
}
