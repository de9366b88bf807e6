using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Fractal.Durable.Backends.AzureStorage;
using Fractal.Durable.History;
using Fractal.Durable.Messaging;

namespace Fractal.Durable.Tests.Backends;

/// <summary>What the Azure Storage queues do beyond the conformance suite: the wire format, the receive limit, blob clean-up.</summary>
public sealed class AzureStorageTaskHubQueuesTests : IAsyncLifetime
{
    private static readonly TimeSpan s_visibility = TimeSpan.FromSeconds(30);

    private readonly string _hubName = AzuriteConnection.NewHubName();
    private readonly AzureStorageTaskHubBackend _backend;

    public AzureStorageTaskHubQueuesTests()
    {
        _backend = new AzureStorageTaskHubBackend(AzuriteConnection.ConnectionString, _hubName, new AzureStorageBackendOptions { PartitionCount = 1 });
    }

    public Task InitializeAsync() => _backend.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _backend.DeleteAsync(CancellationToken.None);
        _backend.Dispose();
    }

    [Fact]
    public async Task ReceiveWorkItemsAsync_MoreThan32Waiting_ReturnsAtMost32()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _backend.Queues.SendWorkItemAsync(NewBatch("1"), TimeSpan.Zero, CancellationToken.None)));

        var received = await _backend.Queues.ReceiveWorkItemsAsync(100, s_visibility, CancellationToken.None);

        Assert.Equal(32, received.Count);
    }

    [Fact]
    public async Task SendControlAsync_SmallMessage_IsPlainUtf8JsonOnTheQueue()
    {
        var message = new ControlMessage("m1", "instance", null, [new EventRaisedEvent("go", "\"<&>\"", "m1")]);
        await _backend.Queues.SendControlAsync(message, TimeSpan.Zero, CancellationToken.None);

        var peeked = await RawQueue($"{_hubName.ToLowerInvariant()}-control-00").PeekMessageAsync();

        Assert.Equal(JsonSerializer.Serialize(message), peeked.Value.Body.ToString());
    }

    [Fact]
    public async Task DeleteAsync_LargeMessage_RemovesItsBlob()
    {
        await _backend.Queues.SendWorkItemAsync(NewBatch(JsonSerializer.Serialize(new string('x', 100_000))), TimeSpan.Zero, CancellationToken.None);
        var received = Assert.Single(await _backend.Queues.ReceiveWorkItemsAsync(1, s_visibility, CancellationToken.None));
        var blobsBefore = await CountLargeMessageBlobsAsync();

        await _backend.Queues.DeleteAsync(received.Receipt, CancellationToken.None);

        Assert.Equal(1, blobsBefore);
        Assert.Equal(0, await CountLargeMessageBlobsAsync());
    }

    [Fact]
    public async Task SendWorkItemAsync_BodyJustUnderTheThresholdFullOfEscapes_RoundTripsWithoutABlob()
    {
        var threshold = new AzureStorageBackendOptions().LargeMessageThreshold;
        var batch = NewBatch(string.Empty);
        var room = threshold - JsonSerializer.SerializeToUtf8Bytes(batch).Length - 64;
        batch = NewBatch(JsonSerializer.Serialize(new string('"', room / 7)));
        Assert.InRange(JsonSerializer.SerializeToUtf8Bytes(batch).Length, threshold - 1024, threshold);

        await _backend.Queues.SendWorkItemAsync(batch, TimeSpan.Zero, CancellationToken.None);
        var received = Assert.Single(await _backend.Queues.ReceiveWorkItemsAsync(1, s_visibility, CancellationToken.None));

        Assert.Equal(batch.Calls[0].Input, received.Body.Calls[0].Input);
        Assert.Equal(0, await CountLargeMessageBlobsAsync());
    }

    [Fact]
    public async Task EnsureCreatedAsync_HubExists_Succeeds()
    {
        var exception = await Record.ExceptionAsync(() => _backend.EnsureCreatedAsync(CancellationToken.None));

        Assert.Null(exception);
    }

    [Fact]
    public async Task DeleteAsync_HubAlreadyDeleted_Succeeds()
    {
        await _backend.DeleteAsync(CancellationToken.None);

        var exception = await Record.ExceptionAsync(() => _backend.DeleteAsync(CancellationToken.None));

        Assert.Null(exception);
    }

    [Fact]
    public async Task ReceiveControlAsync_UnreadableMessage_MovesItToPoisonInsteadOfReturningIt()
    {
        await RawQueue($"{_hubName.ToLowerInvariant()}-control-00").SendMessageAsync("not json");

        var received = await _backend.Queues.ReceiveControlAsync(0, 32, s_visibility, CancellationToken.None);

        Assert.Empty(received);
        var poison = Assert.Single(await ((AzureStorageTaskHubQueues)_backend.Queues).PeekPoisonAsync(CancellationToken.None));
        Assert.Equal("not json", poison.Body);
    }

    private static WorkItemBatch NewBatch(string input) =>
        new(Guid.NewGuid().ToString("N"), "instance", "exec", [new ActivityCall(0, "Echo", input)]);

    private static QueueClient RawQueue(string name) =>
        new(AzuriteConnection.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    private async Task<int> CountLargeMessageBlobsAsync()
    {
        var container = new BlobContainerClient(AzuriteConnection.ConnectionString, $"{_hubName.ToLowerInvariant()}-largemessages");
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }
}
