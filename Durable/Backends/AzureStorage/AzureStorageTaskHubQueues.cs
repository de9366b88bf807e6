using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Fractal.Durable.Messaging;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>
/// The task hub's queues on Azure Storage. Sends from this process wake this process's pollers at
/// once; messages sent by other processes are found by polling.
/// </summary>
internal sealed class AzureStorageTaskHubQueues : ITaskHubQueues, IDisposable
{
    private const int MaxMessagesPerReceive = 32;

    private readonly QueueClient[] _control;
    private readonly AsyncSignal[] _controlSignals;
    private readonly QueueClient _workItems;
    private readonly AsyncSignal _workItemSignal = new();
    private readonly QueueClient _poison;
    private readonly Dictionary<string, QueueClient> _queuesByName;
    private readonly QueueMessageCodec _codec;
    private readonly LargePayloadStore _payloads;
    private readonly ConcurrentDictionary<string, string> _blobsByMessageId = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public AzureStorageTaskHubQueues(QueueServiceClient service, TaskHubNames names, LargePayloadStore payloads, int largeMessageThreshold, TimeProvider time)
    {
        _control = [.. names.ControlQueues.Select(service.GetQueueClient)];
        _controlSignals = [.. _control.Select(_ => new AsyncSignal())];
        _workItems = service.GetQueueClient(names.WorkItemQueue);
        _poison = service.GetQueueClient(names.PoisonQueue);
        _queuesByName = _control.Append(_workItems).Append(_poison).ToDictionary(q => q.Name, StringComparer.Ordinal);
        _payloads = payloads;
        _codec = new QueueMessageCodec(payloads, largeMessageThreshold);
        _time = time;
    }

    public int PartitionCount => _control.Length;

    /// <summary>Every queue of the hub, for creating and deleting them.</summary>
    public IEnumerable<QueueClient> AllQueues => _queuesByName.Values;

    public int PartitionOf(string instanceId) => PartitionHash.PartitionOf(instanceId, _control.Length);

    public async Task SendControlAsync(ControlMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var partition = PartitionOf(message.InstanceId);
        var text = await _codec.EncodeAsync(message, cancellationToken);
        await _control[partition].SendMessageAsync(text, QueueTimeouts.Delay(delay), QueueTimeouts.NeverExpire, cancellationToken);
        if (delay <= TimeSpan.Zero)
        {
            _controlSignals[partition].Set();
        }
    }

    public Task<IReadOnlyList<ReceivedMessage<ControlMessage>>> ReceiveControlAsync(int partition, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, _control.Length);
        return ReceiveAsync<ControlMessage>(_control[partition], maxMessages, visibility, cancellationToken);
    }

    public async Task<MessageReceipt> SendWorkItemAsync(WorkItemBatch batch, TimeSpan invisibleFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var text = await _codec.EncodeAsync(batch, cancellationToken);
        var sent = await _workItems.SendMessageAsync(text, QueueTimeouts.Delay(invisibleFor), QueueTimeouts.NeverExpire, cancellationToken);
        if (invisibleFor <= TimeSpan.Zero)
        {
            _workItemSignal.Set();
        }

        return new MessageReceipt(_workItems.Name, sent.Value.MessageId, sent.Value.PopReceipt);
    }

    public Task<IReadOnlyList<ReceivedMessage<WorkItemBatch>>> ReceiveWorkItemsAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken) =>
        ReceiveAsync<WorkItemBatch>(_workItems, maxMessages, visibility, cancellationToken);

    public async Task DeleteAsync(MessageReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        try
        {
            await Find(receipt.Queue).DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (StorageErrors.IsMessageGone(e))
        {
            _blobsByMessageId.TryRemove(receipt.MessageId, out _);
            return;
        }

        if (_blobsByMessageId.TryRemove(receipt.MessageId, out var blobName))
        {
            await _payloads.DeleteAsync(blobName, cancellationToken);
        }
    }

    public async Task<MessageReceipt> RenewAsync(MessageReceipt receipt, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        try
        {
            var updated = await Find(receipt.Queue).UpdateMessageAsync(
                receipt.MessageId, receipt.PopReceipt, message: null, QueueTimeouts.Visibility(visibility), cancellationToken);
            return receipt with { PopReceipt = updated.Value.PopReceipt };
        }
        catch (RequestFailedException e) when (StorageErrors.IsMessageGone(e))
        {
            throw new InvalidOperationException($"Message {receipt.MessageId} in {receipt.Queue} was received again or deleted.", e);
        }
    }

    public async Task AbandonAsync(MessageReceipt receipt, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        try
        {
            await Find(receipt.Queue).UpdateMessageAsync(
                receipt.MessageId, receipt.PopReceipt, message: null, QueueTimeouts.Delay(delay), cancellationToken);
        }
        catch (RequestFailedException e) when (StorageErrors.IsMessageGone(e))
        {
            // Another receiver has it now, or it is gone: nothing to release.
        }
    }

    public async Task MoveToPoisonAsync<T>(ReceivedMessage<T> message, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonSerializer.Serialize(message.Body);
        await SendToPoisonAsync(message.Receipt.Queue, body, message.DequeueCount, reason, cancellationToken);
        await DeleteAsync(message.Receipt, cancellationToken);
    }

    public Task WaitForControlAsync(int partition, TimeSpan timeout, CancellationToken cancellationToken) =>
        _controlSignals[partition].WaitAsync(timeout, cancellationToken);

    public Task WaitForWorkItemsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _workItemSignal.WaitAsync(timeout, cancellationToken);

    /// <summary>The messages in the poison queue, without receiving them (at most 32).</summary>
    internal async Task<IReadOnlyList<PoisonMessage>> PeekPoisonAsync(CancellationToken cancellationToken)
    {
        var peeked = await _poison.PeekMessagesAsync(MaxMessagesPerReceive, cancellationToken);
        var decoded = await Task.WhenAll(peeked.Value.Select(m => _codec.DecodeAsync<PoisonMessage>(m.Body, cancellationToken)));
        return [.. decoded.Select(d => d.Body)];
    }

    public void Dispose()
    {
        foreach (var signal in _controlSignals)
        {
            signal.Dispose();
        }

        _workItemSignal.Dispose();
    }

    private async Task<IReadOnlyList<ReceivedMessage<T>>> ReceiveAsync<T>(QueueClient queue, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
        where T : class
    {
        if (maxMessages <= 0)
        {
            return [];
        }

        var response = await queue.ReceiveMessagesAsync(Math.Min(maxMessages, MaxMessagesPerReceive), QueueTimeouts.Visibility(visibility), cancellationToken);
        var received = await Task.WhenAll(response.Value.Select(m => DecodeAsync<T>(queue, m, cancellationToken)));
        return [.. received.OfType<ReceivedMessage<T>>()];
    }

    private async Task<ReceivedMessage<T>?> DecodeAsync<T>(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
        where T : class
    {
        var receipt = new MessageReceipt(queue.Name, message.MessageId, message.PopReceipt);
        DecodedMessage<T> decoded;
        try
        {
            decoded = await _codec.DecodeAsync<T>(message.Body, cancellationToken);
        }
        catch (JsonException e)
        {
            await SendToPoisonAsync(queue.Name, message.Body.ToString(), (int)message.DequeueCount, $"The message cannot be read: {e.Message}", cancellationToken);
            await DeleteAsync(receipt, cancellationToken);
            return null;
        }

        if (decoded.BlobName is not null)
        {
            _blobsByMessageId[message.MessageId] = decoded.BlobName;
        }

        return new ReceivedMessage<T>(decoded.Body, (int)message.DequeueCount, receipt);
    }

    private async Task SendToPoisonAsync(string sourceQueue, string body, int dequeueCount, string reason, CancellationToken cancellationToken)
    {
        var poison = new PoisonMessage(sourceQueue, body, dequeueCount, reason, _time.GetUtcNow().UtcDateTime);
        var text = await _codec.EncodeAsync(poison, cancellationToken);
        await _poison.SendMessageAsync(text, TimeSpan.Zero, QueueTimeouts.NeverExpire, cancellationToken);
    }

    private QueueClient Find(string queue) =>
        _queuesByName.TryGetValue(queue, out var client) ? client : throw new InvalidOperationException($"No queue of this hub is named '{queue}'.");
}
