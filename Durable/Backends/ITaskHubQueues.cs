using Fractal.Durable.Messaging;

namespace Fractal.Durable.Backends;

/// <summary>
/// The task hub's queues: partitioned control queues (one instance always maps to one partition),
/// the shared work-item queue, and the poison queue. Receives hide messages for a visibility period;
/// a message not deleted in time is received again with a higher dequeue count.
/// </summary>
public interface ITaskHubQueues
{
    /// <summary>How many control-queue partitions the hub has.</summary>
    int PartitionCount { get; }

    /// <summary>The control partition of <paramref name="instanceId"/>: a stable hash, the same in every process.</summary>
    int PartitionOf(string instanceId);

    /// <summary>Sends to the instance's control queue, visible after <paramref name="delay"/>.</summary>
    Task SendControlAsync(ControlMessage message, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages from a control partition.</summary>
    Task<IReadOnlyList<ReceivedMessage<ControlMessage>>> ReceiveControlAsync(int partition, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Sends a batch of activity calls, invisible for <paramref name="invisibleFor"/>; the receipt deletes it.</summary>
    Task<MessageReceipt> SendWorkItemAsync(WorkItemBatch batch, TimeSpan invisibleFor, CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/> work-item batches.</summary>
    Task<IReadOnlyList<ReceivedMessage<WorkItemBatch>>> ReceiveWorkItemsAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Deletes a received message; a message already gone is not an error.</summary>
    Task DeleteAsync(MessageReceipt receipt, CancellationToken cancellationToken);

    /// <summary>Keeps a received message hidden for <paramref name="visibility"/> more; returns the new receipt.</summary>
    Task<MessageReceipt> RenewAsync(MessageReceipt receipt, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Makes a received message visible again after <paramref name="delay"/>.</summary>
    Task AbandonAsync(MessageReceipt receipt, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Copies the message to the poison queue with <paramref name="reason"/>, then deletes it.</summary>
    Task MoveToPoisonAsync<T>(ReceivedMessage<T> message, string reason, CancellationToken cancellationToken);

    /// <summary>Waits until a message is sent by this process to the control partition, or <paramref name="timeout"/> passes.</summary>
    Task WaitForControlAsync(int partition, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Waits until this process sends a work item, or <paramref name="timeout"/> passes.</summary>
    Task WaitForWorkItemsAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
