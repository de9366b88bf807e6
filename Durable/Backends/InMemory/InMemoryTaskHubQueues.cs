using System.Text.Json;
using Fractal.Durable.Messaging;

namespace Fractal.Durable.Backends.InMemory;

/// <summary>The task hub's queues in memory, for unit tests and for running with no storage configured.</summary>
internal sealed class InMemoryTaskHubQueues : ITaskHubQueues
{
    private readonly InMemoryQueue<ControlMessage>[] _control;
    private readonly InMemoryQueue<WorkItemBatch> _workItems;
    private readonly TimeProvider _time;

    public InMemoryTaskHubQueues(string hubName, int partitionCount, TimeProvider time)
    {
        _time = time;
        _control = [.. Enumerable.Range(0, partitionCount).Select(p => new InMemoryQueue<ControlMessage>($"{hubName}-control-{p:D2}", time))];
        _workItems = new InMemoryQueue<WorkItemBatch>($"{hubName}-workitems", time);
        Poison = new InMemoryQueue<PoisonMessage>($"{hubName}-poison", time);
    }

    public int PartitionCount => _control.Length;

    internal InMemoryQueue<PoisonMessage> Poison { get; }

    internal InMemoryQueue<WorkItemBatch> WorkItems => _workItems;

    public int PartitionOf(string instanceId) => PartitionHash.PartitionOf(instanceId, _control.Length);

    public Task SendControlAsync(ControlMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _control[PartitionOf(message.InstanceId)].Send(message, delay);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReceivedMessage<ControlMessage>>> ReceiveControlAsync(int partition, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken) =>
        Task.FromResult(_control[partition].Receive(maxMessages, visibility));

    public Task<MessageReceipt> SendWorkItemAsync(WorkItemBatch batch, TimeSpan invisibleFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Task.FromResult(_workItems.Send(batch, invisibleFor));
    }

    public Task<IReadOnlyList<ReceivedMessage<WorkItemBatch>>> ReceiveWorkItemsAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken) =>
        Task.FromResult(_workItems.Receive(maxMessages, visibility));

    public Task DeleteAsync(MessageReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        Find(receipt.Queue).Delete(receipt);
        return Task.CompletedTask;
    }

    public Task<MessageReceipt> RenewAsync(MessageReceipt receipt, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return Task.FromResult(Find(receipt.Queue).Renew(receipt, visibility));
    }

    public Task AbandonAsync(MessageReceipt receipt, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        Find(receipt.Queue).Abandon(receipt, delay);
        return Task.CompletedTask;
    }

    public Task MoveToPoisonAsync<T>(ReceivedMessage<T> message, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonSerializer.Serialize(message.Body);
        Poison.Send(new PoisonMessage(message.Receipt.Queue, body, message.DequeueCount, reason, _time.GetUtcNow().UtcDateTime), TimeSpan.Zero);
        Find(message.Receipt.Queue).Delete(message.Receipt);
        return Task.CompletedTask;
    }

    public Task WaitForControlAsync(int partition, TimeSpan timeout, CancellationToken cancellationToken) =>
        _control[partition].Signal.WaitAsync(timeout, cancellationToken);

    public Task WaitForWorkItemsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _workItems.Signal.WaitAsync(timeout, cancellationToken);

    private IDeletable Find(string queue)
    {
        if (queue == _workItems.Name)
        {
            return new Deletable<WorkItemBatch>(_workItems);
        }

        foreach (var control in _control)
        {
            if (control.Name == queue)
            {
                return new Deletable<ControlMessage>(control);
            }
        }

        throw new InvalidOperationException($"No queue is named '{queue}'.");
    }

    private interface IDeletable
    {
        void Delete(MessageReceipt receipt);

        MessageReceipt Renew(MessageReceipt receipt, TimeSpan visibility);

        void Abandon(MessageReceipt receipt, TimeSpan delay);
    }

    private sealed class Deletable<T>(InMemoryQueue<T> queue) : IDeletable
        where T : class
    {
        public void Delete(MessageReceipt receipt) => queue.Delete(receipt);

        public MessageReceipt Renew(MessageReceipt receipt, TimeSpan visibility) => queue.Renew(receipt, visibility);

        public void Abandon(MessageReceipt receipt, TimeSpan delay) => queue.Abandon(receipt, delay);
    }
}
