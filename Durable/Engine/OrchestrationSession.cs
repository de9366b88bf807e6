using Fractal.Durable.Backends;
using Fractal.Durable.History;
using Fractal.Durable.Messaging;
using Fractal.Durable.Replay;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Engine;

/// <summary>
/// One orchestration instance on the worker that owns its partition: its messages wait here and are
/// processed one step at a time. A step loads (or keeps) the history, drops redelivered and stale
/// events, replays, appends the new events under the history's checkpoint, updates the instance row,
/// sends what the step scheduled, and only then deletes the messages it consumed.
/// </summary>
internal sealed class OrchestrationSession
{
    private readonly object _gate = new();
    private readonly List<ReceivedMessage<ControlMessage>> _pending = [];
    private readonly EngineContext _engine;
    private readonly Action<OrchestrationSession> _ended;
    private OrchestrationState? _state;
    private InstanceRecord? _record;
    private bool _running;

    public OrchestrationSession(string instanceId, EngineContext engine, Action<OrchestrationSession> ended)
    {
        InstanceId = instanceId;
        _engine = engine;
        _ended = ended;
    }

    public string InstanceId { get; }

    public DateTime LastActivity { get; private set; } = DateTime.UtcNow;

    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return !_running && _pending.Count == 0;
            }
        }
    }

    /// <summary>Queues messages and makes sure a runner is processing them.</summary>
    public void Enqueue(IEnumerable<ReceivedMessage<ControlMessage>> messages, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _pending.AddRange(messages);
            if (_running)
            {
                return;
            }

            _running = true;
        }

        _ = Task.Run(() => RunAsync(cancellationToken), CancellationToken.None);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<ReceivedMessage<ControlMessage>> batch;
            lock (_gate)
            {
                if (_pending.Count == 0 || cancellationToken.IsCancellationRequested)
                {
                    _running = false;
                    return;
                }

                batch = [.. _pending];
                _pending.Clear();
            }

            await _engine.OrchestratorSlots.WaitAsync(CancellationToken.None);
            try
            {
                await StepAsync(batch, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The partition is being given up; the messages reappear for the next owner.
                _state = null;
                _record = null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _state = null;
                _record = null;
                _engine.RememberFailure(batch, ex);
                _engine.Logger.LogWarning(ex, "Step of instance {InstanceId} failed; its messages will be retried", InstanceId);
                await AbandonAsync(batch, TimeSpan.FromSeconds(1));
            }
            finally
            {
                _engine.OrchestratorSlots.Release();
                LastActivity = DateTime.UtcNow;
            }
        }
    }

    private async Task StepAsync(List<ReceivedMessage<ControlMessage>> batch, CancellationToken cancellationToken)
    {
        var store = _engine.Backend.Instances;
        var options = _engine.Options;
        if (_state is null || !options.ExtendedSessionsEnabled)
        {
            _state = new OrchestrationState(InstanceId, await store.LoadHistoryAsync(InstanceId, cancellationToken));
            _record = await store.GetInstanceAsync(InstanceId, cancellationToken);
        }

        var state = _state;
        var now = _engine.Time.GetUtcNow().UtcDateTime;
        var accepted = new List<HistoryEvent>();
        var deferred = new List<ReceivedMessage<ControlMessage>>();
        var acceptedKeys = new HashSet<string>(StringComparer.Ordinal);
        ExecutionStartedEvent? starting = null;
        var duplicates = false;
        foreach (var message in batch)
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                var reason = _engine.PoisonReason(message.Receipt.MessageId, message.DequeueCount);
                await _engine.Backend.Queues.MoveToPoisonAsync(message, reason, cancellationToken);
                accepted.Add(new ExecutionPoisonedEvent(reason) { Timestamp = now });
                continue;
            }

            if (state.Started is null && starting is null && message.Body.Events.All(e => e is not ExecutionStartedEvent))
            {
                // Arrived before the instance's start: keep it for a later step.
                deferred.Add(message);
                continue;
            }

            foreach (var historyEvent in message.Body.Events)
            {
                if (IsStale(message.Body, historyEvent, starting?.ExecutionId ?? state.ExecutionId))
                {
                    continue;
                }

                if (historyEvent is TimerFiredEvent early && early.FireAt > now.AddSeconds(1))
                {
                    // Queues hide a message for a week at most: a longer timer comes back early and waits again.
                    await _engine.Backend.Queues.SendControlAsync(message.Body with { Events = [early] }, early.FireAt - now, cancellationToken);
                    continue;
                }

                duplicates |= starting is null && state.IsDuplicate(historyEvent);
                var redundant = starting is not null ? historyEvent is ExecutionStartedEvent : state.IsRedundant(historyEvent);
                if (!redundant && !IsRedundantWithin(acceptedKeys, historyEvent))
                {
                    accepted.Add(historyEvent);
                    starting ??= historyEvent as ExecutionStartedEvent;
                }
            }
        }

        if (duplicates && state.Started is not null && state.ExecutionId is not null)
        {
            // The last step committed but may have died before sending: send its messages again.
            var lastStep = state.Events.Skip(state.LastStepStart);
            await SendAsync(OutboundMessages.For(InstanceId, state.ExecutionId, state.Started, lastStep, [], options, now), recovering: true, cancellationToken);
        }

        if (accepted.Count > 0)
        {
            await CommitAsync(state, accepted, now, cancellationToken);
        }

        await Task.WhenAll(batch.Where(m => m.DequeueCount <= options.MaxDequeueCount && !deferred.Contains(m))
            .Select(m => _engine.Backend.Queues.DeleteAsync(m.Receipt, cancellationToken)));
        await AbandonAsync(deferred, TimeSpan.FromSeconds(1));
        if (state.Completed is not null)
        {
            _ended(this);
        }
    }

    private async Task CommitAsync(OrchestrationState state, List<HistoryEvent> accepted, DateTime now, CancellationToken cancellationToken)
    {
        var started = accepted.OfType<ExecutionStartedEvent>().FirstOrDefault();
        var executionId = started?.ExecutionId ?? state.ExecutionId!;
        var past = started is null ? state.Events : [];
        var newEvents = new List<HistoryEvent> { new OrchestratorStartedEvent { Timestamp = now } };
        if (started is not null)
        {
            newEvents.Add(started);
        }

        newEvents.AddRange(accepted.Where(e => e is not ExecutionStartedEvent));
        var executionStarted = started ?? state.Started!;
        var step = Replay(executionStarted.Name, past, newEvents);
        var toAppend = newEvents.Concat(step.NewActions).ToList();

        string checkpoint;
        try
        {
            checkpoint = await _engine.Backend.Instances.AppendHistoryAsync(
                InstanceId, executionId, started is null ? state.Events.Count : 0, toAppend, state.Checkpoint, cancellationToken);
        }
        catch (HistoryConflictException)
        {
            _state = null;
            throw;
        }

        state.Commit(executionId, toAppend, checkpoint);
        _record = BuildRecord(state, step, now);

        // The row is a view of the history just committed: write it while the step's messages go out.
        var outbound = OutboundMessages.For(InstanceId, executionId, executionStarted, step.NewActions, step.CarryOverEvents, _engine.Options, now);
        await Task.WhenAll(_engine.Backend.Instances.UpsertInstanceAsync(_record, cancellationToken), SendAsync(outbound, recovering: false, cancellationToken));
        _engine.Notifier.Notify(InstanceId);
    }

    private OrchestratorStep Replay(string name, IReadOnlyList<HistoryEvent> past, List<HistoryEvent> newEvents)
    {
        var orchestrator = _engine.Registry.FindOrchestrator(name);
        if (orchestrator is null)
        {
            var failure = new TaskFailureDetails("OrchestratorFunctionNotFound", $"No orchestrator function is named '{name}'.");
            var completion = new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, failure) { Timestamp = newEvents[0].Timestamp };
            return new OrchestratorStep([completion], null, completion, []);
        }

        return OrchestrationExecutor.Execute(orchestrator, InstanceId, past, newEvents, _engine.Registry.Converter, _engine.LoggerFactory);
    }

    private InstanceRecord BuildRecord(OrchestrationState state, OrchestratorStep step, DateTime now)
    {
        var completion = state.Completed;
        var status = completion?.Status ?? (state.IsSuspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running);
        var started = state.Started!;
        return new InstanceRecord
        {
            InstanceId = InstanceId,
            Name = started.Name,
            ExecutionId = state.ExecutionId!,
            RuntimeStatus = status,
            Input = started.Input,
            Output = completion?.Status == OrchestrationRuntimeStatus.ContinuedAsNew ? null : completion?.Result,
            CustomStatus = step.CustomStatus ?? _record?.CustomStatus,
            FailureDetails = completion?.Failure,
            CreatedTime = _record?.CreatedTime ?? now,
            LastUpdatedTime = now,
            CompletedTime = completion is null || status == OrchestrationRuntimeStatus.ContinuedAsNew ? null : now,
            ParentInstanceId = started.ParentInstanceId,
        };
    }

    private async Task SendAsync(OutboundMessages outbound, bool recovering, CancellationToken cancellationToken)
    {
        var store = _engine.Backend.Instances;
        foreach (var child in outbound.ChildInstances)
        {
            if (!recovering || await store.GetInstanceAsync(child.InstanceId, cancellationToken) is null)
            {
                await store.TryCreateInstanceAsync(child, cancellationToken);
            }
        }

        var queues = _engine.Backend.Queues;
        var sends = outbound.ControlMessages.Select(m => queues.SendControlAsync(m.Message, m.Delay, cancellationToken))
            .Concat(outbound.WorkItems.Select(b => _engine.DispatchWorkItemAsync(b, cancellationToken)));
        await Task.WhenAll(sends);
    }

    private Task AbandonAsync(List<ReceivedMessage<ControlMessage>> batch, TimeSpan delay) =>
        Task.WhenAll(batch.Select(async m =>
        {
            try
            {
                await _engine.Backend.Queues.AbandonAsync(m.Receipt, delay, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _engine.Logger.LogDebug(ex, "Could not release message {MessageId}; it reappears when its visibility ends", m.Body.Id);
            }
        }));

    private static bool IsStale(ControlMessage message, HistoryEvent historyEvent, string? currentExecution) =>
        historyEvent is not ExecutionStartedEvent
        && message.ExecutionId is not null
        && currentExecution is not null
        && message.ExecutionId != currentExecution;

    /// <summary>Whether this step already accepted the same result, event or start (two copies in one batch).</summary>
    private static bool IsRedundantWithin(HashSet<string> acceptedKeys, HistoryEvent historyEvent)
    {
        var key = historyEvent switch
        {
            EventRaisedEvent raised => $"event:{raised.MessageId}",
            ExecutionStartedEvent => "start",
            _ when HistoryEventTasks.Closed(historyEvent) is var closed and >= 0 => $"task:{closed}",
            _ => null,
        };
        return key is not null && !acceptedKeys.Add(key);
    }
}
