using Fractal.Durable.Backends;
using Fractal.Durable.Messaging;

namespace Fractal.Bench.Engine;

/// <summary>The task hub's queues with each call timed; waits for wake-ups pass straight through.</summary>
internal sealed class MeasuredQueues : ITaskHubQueues
{
    private readonly ITaskHubQueues _inner;
    private readonly StorageOperationLog _log;

    public MeasuredQueues(ITaskHubQueues inner, StorageOperationLog log)
    {
        _inner = inner;
        _log = log;
    }

    public int PartitionCount => _inner.PartitionCount;

    public int PartitionOf(string instanceId) => _inner.PartitionOf(instanceId);

    public async Task SendControlAsync(ControlMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        await _inner.SendControlAsync(message, delay, cancellationToken);
        _log.Stop("control.send", started);
    }

    public async Task<IReadOnlyList<ReceivedMessage<ControlMessage>>> ReceiveControlAsync(int partition, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        var messages = await _inner.ReceiveControlAsync(partition, maxMessages, visibility, cancellationToken);
        _log.Stop(messages.Count == 0 ? "control.receive (empty)" : "control.receive", started);
        return messages;
    }

    public async Task<MessageReceipt> SendWorkItemAsync(WorkItemBatch batch, TimeSpan invisibleFor, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        var receipt = await _inner.SendWorkItemAsync(batch, invisibleFor, cancellationToken);
        _log.Stop(invisibleFor > TimeSpan.Zero ? "workitem.send (fast path)" : "workitem.send", started);
        return receipt;
    }

    public async Task<IReadOnlyList<ReceivedMessage<WorkItemBatch>>> ReceiveWorkItemsAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        var batches = await _inner.ReceiveWorkItemsAsync(maxMessages, visibility, cancellationToken);
        _log.Stop(batches.Count == 0 ? "workitem.receive (empty)" : "workitem.receive", started);
        return batches;
    }

    public async Task DeleteAsync(MessageReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var started = StorageOperationLog.Start();
        await _inner.DeleteAsync(receipt, cancellationToken);
        _log.Stop(receipt.Queue.EndsWith("-workitems", StringComparison.Ordinal) ? "workitem.delete" : "control.delete", started);
    }

    public async Task<MessageReceipt> RenewAsync(MessageReceipt receipt, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        var renewed = await _inner.RenewAsync(receipt, visibility, cancellationToken);
        _log.Stop("message.renew", started);
        return renewed;
    }

    public async Task AbandonAsync(MessageReceipt receipt, TimeSpan delay, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        await _inner.AbandonAsync(receipt, delay, cancellationToken);
        _log.Stop("message.abandon", started);
    }

    public async Task MoveToPoisonAsync<T>(ReceivedMessage<T> message, string reason, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        await _inner.MoveToPoisonAsync(message, reason, cancellationToken);
        _log.Stop("message.poison", started);
    }

    public Task WaitForControlAsync(int partition, TimeSpan timeout, CancellationToken cancellationToken) =>
        _inner.WaitForControlAsync(partition, timeout, cancellationToken);

    public Task WaitForWorkItemsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _inner.WaitForWorkItemsAsync(timeout, cancellationToken);
}
