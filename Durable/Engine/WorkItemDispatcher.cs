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

    /// <summary>
    /// Sends a batch. With the local fast path and free capacity, the batch is sent hidden (so another
    /// worker runs it if this one dies) and its calls start here at once, while the send is in flight.
    /// </summary>
    public async Task DispatchAsync(WorkItemBatch batch, CancellationToken cancellationToken)
    {
        var queues = _engine.Backend.Queues;
        if (!_engine.Options.LocalFastPathEnabled || !TryReserve(batch.Calls.Count))
        {
            await queues.SendWorkItemAsync(batch, TimeSpan.Zero, cancellationToken);
            return;
        }

        var send = queues.SendWorkItemAsync(batch, _engine.Options.VisibilityTimeout, cancellationToken);
        _ = Task.Run(() => RunBatchAsync(batch, 1, send, _stopping.Token), CancellationToken.None);
        await send;
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
                // A message carries up to a batch of calls: ask for as many messages as there is room for whole batches.
                var wanted = Math.Clamp(free / Math.Max(1, _engine.Options.WorkItemBatchSize), 1, 32);
                batches = await queues.ReceiveWorkItemsAsync(wanted, _engine.Options.VisibilityTimeout, cancellationToken);
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
                Interlocked.Add(ref _inFlight, batch.Body.Calls.Count);
                _ = Task.Run(() => RunBatchAsync(batch.Body, batch.DequeueCount, Task.FromResult(batch.Receipt), cancellationToken), CancellationToken.None);
            }
        }
    }

    /// <summary>Takes room for <paramref name="calls"/> more calls if there is some; an idle worker always has room for one batch.</summary>
    private bool TryReserve(int calls)
    {
        while (true)
        {
            var current = Volatile.Read(ref _inFlight);
            if (current > 0 && current + calls > _engine.Options.MaxConcurrentActivityFunctions)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _inFlight, current + calls, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Runs a batch whose calls were already counted in <c>_inFlight</c>; the receipt may still be on its way.</summary>
    private async Task RunBatchAsync(WorkItemBatch batch, int dequeueCount, Task<MessageReceipt> receiptTask, CancellationToken cancellationToken)
    {
        var queues = _engine.Backend.Queues;
        VisibilityRenewal? renewal = null;
        try
        {
            if (dequeueCount > _engine.Options.MaxDequeueCount)
            {
                var poisonReceipt = await receiptTask;
                var reason = _engine.PoisonReason(poisonReceipt.MessageId, dequeueCount);
                await queues.MoveToPoisonAsync(new ReceivedMessage<WorkItemBatch>(batch, dequeueCount, poisonReceipt), reason, cancellationToken);
                var poisoned = new ExecutionPoisonedEvent(reason) { Timestamp = _engine.Time.GetUtcNow().UtcDateTime };
                await queues.SendControlAsync(new ControlMessage($"{batch.Id}/poison", batch.InstanceId, batch.ExecutionId, [poisoned]), TimeSpan.Zero, cancellationToken);
                return;
            }

            var calls = Task.WhenAll(batch.Calls.Select(call => RunCallAsync(batch, call, cancellationToken)));
            var receipt = await ReceiptOrNullAsync(receiptTask);
            if (receipt is not null)
            {
                renewal = new VisibilityRenewal(queues, receipt, _engine.Options.VisibilityTimeout, _engine.Logger);
            }

            var results = await calls;
            var reply = new ControlMessage($"{batch.Id}/results", batch.InstanceId, batch.ExecutionId, results);
            if (renewal is not null && _engine.Options.LocalFastPathEnabled)
            {
                // The owner is here: its next step takes the results from memory and, once they are in
                // history, deletes the batch message with this receipt. If this process dies first, the
                // batch reappears when its visibility ends and runs again elsewhere.
                var handover = new ReceivedMessage<ControlMessage>(reply, dequeueCount, await renewal.StopAsync());
                if (_engine.TryDeliverLocally(handover))
                {
                    renewal.Dispose();
                    renewal = null;
                    return;
                }

                await queues.SendControlAsync(reply, TimeSpan.Zero, cancellationToken);
                await queues.DeleteAsync(handover.Receipt, cancellationToken);
                renewal.Dispose();
                renewal = null;
                return;
            }

            await queues.SendControlAsync(reply, TimeSpan.Zero, cancellationToken);
            if (renewal is not null)
            {
                await queues.DeleteAsync(await renewal.StopAsync(), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                _engine.Logger.LogWarning(ex, "Work item {BatchId} failed; it will be retried", batch.Id);
            }

            if (renewal is not null)
            {
                var current = await renewal.StopAsync();
                _engine.RememberFailure([new ReceivedMessage<WorkItemBatch>(batch, dequeueCount, current)], ex);
                try
                {
                    await queues.AbandonAsync(current, TimeSpan.FromSeconds(1), CancellationToken.None);
                }
                catch (Exception abandonError) when (abandonError is not OutOfMemoryException)
                {
                    _engine.Logger.LogDebug(abandonError, "Could not release work item {BatchId}", batch.Id);
                }
            }
        }
        finally
        {
            renewal?.Dispose();
            Interlocked.Add(ref _inFlight, -batch.Calls.Count);
        }
    }

    /// <summary>The receipt of the batch's send; null when the send failed (the results are sent all the same, and idempotent).</summary>
    private async Task<MessageReceipt?> ReceiptOrNullAsync(Task<MessageReceipt> receiptTask)
    {
        try
        {
            return await receiptTask;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _engine.Logger.LogDebug(ex, "The work-item send failed; the batch's results go back all the same");
            return null;
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
