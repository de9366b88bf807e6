using Fractal.Durable.History;
using Fractal.Durable.Messaging;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Engine;

/// <summary>
/// Runs work-item batches: the calls of a batch run concurrently within the activity limit, the
/// message stays hidden while they run, their results go back to the instance's control queue as one
/// message, and the batch is deleted only after that send. A crash re-runs the whole batch; the
/// orchestration drops results it already has.
/// </summary>
internal sealed class WorkItemDispatcher : IAsyncDisposable
{
    private readonly EngineContext _engine;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _inFlight;

    public WorkItemDispatcher(EngineContext engine)
    {
        _engine = engine;
        _loop = Task.Run(() => PollAsync(_stopping.Token));
    }

    /// <summary>Sends a batch; with the local fast path and free capacity, runs it here at once while it stays hidden from others.</summary>
    public async Task DispatchAsync(WorkItemBatch batch, CancellationToken cancellationToken)
    {
        var queues = _engine.Backend.Queues;
        var runLocally = _engine.Options.LocalFastPathEnabled
            && Volatile.Read(ref _inFlight) + batch.Calls.Count <= _engine.Options.MaxConcurrentActivityFunctions;
        if (!runLocally)
        {
            await queues.SendWorkItemAsync(batch, TimeSpan.Zero, cancellationToken);
            return;
        }

        var receipt = await queues.SendWorkItemAsync(batch, _engine.Options.VisibilityTimeout, cancellationToken);
        _ = Task.Run(() => RunBatchAsync(new ReceivedMessage<WorkItemBatch>(batch, 1, receipt), _stopping.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var backoff = new PollingBackoff(_engine.Options.MaxQueuePollingInterval);
        var queues = _engine.Backend.Queues;
        while (!cancellationToken.IsCancellationRequested)
        {
            var free = _engine.Options.MaxConcurrentActivityFunctions - Volatile.Read(ref _inFlight);
            if (free <= 0)
            {
                await queues.WaitForWorkItemsAsync(backoff.Next(), cancellationToken);
                continue;
            }

            IReadOnlyList<ReceivedMessage<WorkItemBatch>> batches;
            try
            {
                batches = await queues.ReceiveWorkItemsAsync(Math.Clamp(free, 1, 32), _engine.Options.VisibilityTimeout, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _engine.Logger.LogWarning(ex, "Receiving work items failed");
                await queues.WaitForWorkItemsAsync(_engine.Options.MaxQueuePollingInterval, cancellationToken);
                continue;
            }

            if (batches.Count == 0)
            {
                await queues.WaitForWorkItemsAsync(backoff.Next(), cancellationToken);
                continue;
            }

            backoff.Reset();
            foreach (var batch in batches)
            {
                _ = Task.Run(() => RunBatchAsync(batch, cancellationToken), CancellationToken.None);
            }
        }
    }

    private async Task RunBatchAsync(ReceivedMessage<WorkItemBatch> message, CancellationToken cancellationToken)
    {
        var queues = _engine.Backend.Queues;
        var batch = message.Body;
        Interlocked.Add(ref _inFlight, batch.Calls.Count);
        using var renewal = new VisibilityRenewal(queues, message.Receipt, _engine.Options.VisibilityTimeout, _engine.Logger);
        try
        {
            if (message.DequeueCount > _engine.Options.MaxDequeueCount)
            {
                var reason = _engine.PoisonReason(message.Receipt.MessageId, message.DequeueCount);
                await queues.MoveToPoisonAsync(message, reason, cancellationToken);
                var poisoned = new ExecutionPoisonedEvent(reason) { Timestamp = _engine.Time.GetUtcNow().UtcDateTime };
                await queues.SendControlAsync(new ControlMessage($"{batch.Id}/poison", batch.InstanceId, batch.ExecutionId, [poisoned]), TimeSpan.Zero, cancellationToken);
                return;
            }

            var results = await Task.WhenAll(batch.Calls.Select(call => RunCallAsync(batch, call, cancellationToken)));
            var reply = new ControlMessage($"{batch.Id}/results", batch.InstanceId, batch.ExecutionId, results);
            await queues.SendControlAsync(reply, TimeSpan.Zero, cancellationToken);
            await queues.DeleteAsync(await renewal.StopAsync(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _engine.RememberFailure([message], ex);
            if (!cancellationToken.IsCancellationRequested)
            {
                _engine.Logger.LogWarning(ex, "Work item {BatchId} failed; it will be retried", batch.Id);
            }

            try
            {
                await queues.AbandonAsync(await renewal.StopAsync(), TimeSpan.FromSeconds(1), CancellationToken.None);
            }
            catch (Exception abandonError) when (abandonError is not OutOfMemoryException)
            {
                _engine.Logger.LogDebug(abandonError, "Could not release work item {BatchId}", batch.Id);
            }
        }
        finally
        {
            Interlocked.Add(ref _inFlight, -batch.Calls.Count);
        }
    }

    private async Task<HistoryEvent> RunCallAsync(WorkItemBatch batch, ActivityCall call, CancellationToken cancellationToken)
    {
        await _engine.ActivitySlots.WaitAsync(cancellationToken);
        try
        {
            var activity = _engine.Registry.FindActivity(call.Name);
            var now = _engine.Time.GetUtcNow().UtcDateTime;
            if (activity is null)
            {
                return new TaskFailedEvent(call.TaskId, new TaskFailureDetails("ActivityFunctionNotFound", $"No activity function is named '{call.Name}'.")) { Timestamp = now };
            }

            var result = await activity(new ActivityInvocation(call.Name, call.Input, batch.InstanceId, call.TaskId, cancellationToken));
            return new TaskCompletedEvent(call.TaskId, result) { Timestamp = _engine.Time.GetUtcNow().UtcDateTime };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new TaskFailedEvent(call.TaskId, TaskFailureDetails.FromException(ex)) { Timestamp = _engine.Time.GetUtcNow().UtcDateTime };
        }
        finally
        {
            _engine.ActivitySlots.Release();
        }
    }
}
