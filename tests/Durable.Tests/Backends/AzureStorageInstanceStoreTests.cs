using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Fractal.Durable.Backends;
using Fractal.Durable.Backends.AzureStorage;
using Fractal.Durable.History;

namespace Fractal.Durable.Tests.Backends;

/// <summary>How the Azure Storage instance store lays out its tables and blobs, beyond what the conformance suite sees.</summary>
public sealed class AzureStorageInstanceStoreTests : IAsyncLifetime
{
    private readonly string _hubName = AzuriteConnection.NewHubName();
    private readonly AzureStorageTaskHubBackend _backend;
    private readonly TableClient _historyTable;
    private readonly BlobContainerClient _largeMessages;

    public AzureStorageInstanceStoreTests()
    {
        _backend = new AzureStorageTaskHubBackend(AzuriteConnection.ConnectionString, _hubName, new AzureStorageBackendOptions());
        _historyTable = new TableClient(AzuriteConnection.ConnectionString, _hubName + "History");
        _largeMessages = new BlobContainerClient(AzuriteConnection.ConnectionString, _hubName.ToLowerInvariant() + "-largemessages");
    }

    private IInstanceStore Store => _backend.Instances;

    public Task InitializeAsync() => _backend.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _backend.DeleteAsync(CancellationToken.None);
        _backend.Dispose();
    }

    [Fact]
    public async Task LoadHistoryAsync_RowsLeftPastTheCountByACrashedAppend_AreIgnored()
    {
        var committed = HistoryEventSamples.CompletedTasks(3);
        await Store.AppendHistoryAsync("crashed", "exec", 0, committed, null, CancellationToken.None);
        await WriteRawRowAsync("crashed", "exec:00000003", new TaskCompletedEvent(77, "\"uncommitted\""));

        var loaded = await Store.LoadHistoryAsync("crashed", CancellationToken.None);

        Assert.Equal(committed, loaded.Events);
    }

    [Fact]
    public async Task AppendHistoryAsync_OverRowsLeftByACrashedAppend_ReplacesThem()
    {
        var checkpoint = await Store.AppendHistoryAsync("crashed", "exec", 0, HistoryEventSamples.CompletedTasks(3), null, CancellationToken.None);
        await WriteRawRowAsync("crashed", "exec:00000003", new TaskCompletedEvent(77, "\"uncommitted\""));
        await WriteRawRowAsync("crashed", "exec:00000004", new TaskCompletedEvent(78, "\"uncommitted\""));
        var next = HistoryEventSamples.CompletedTasks(1, firstTaskId: 3);

        await Store.AppendHistoryAsync("crashed", "exec", 3, next, checkpoint, CancellationToken.None);
        var loaded = await Store.LoadHistoryAsync("crashed", CancellationToken.None);

        Assert.Equal(HistoryEventSamples.CompletedTasks(4), loaded.Events);
    }

    [Fact]
    public async Task AppendHistoryAsync_NewExecution_DeletesThePreviousExecutionsRows()
    {
        var checkpoint = await Store.AppendHistoryAsync("renewed", "exec1", 0, HistoryEventSamples.CompletedTasks(120), null, CancellationToken.None);

        await Store.AppendHistoryAsync("renewed", "exec2", 120, HistoryEventSamples.CompletedTasks(2), checkpoint, CancellationToken.None);

        Assert.Equal(0, await CountRowsAsync("renewed", "exec1"));
        Assert.Equal(2, await CountRowsAsync("renewed", "exec2"));
    }

    [Fact]
    public async Task AppendHistoryAsync_AfterAnotherProcessAppended_ThrowsHistoryConflict()
    {
        using var otherProcess = new AzureStorageTaskHubBackend(AzuriteConnection.ConnectionString, _hubName, new AzureStorageBackendOptions());
        var seen = await Store.AppendHistoryAsync("shared", "exec", 0, HistoryEventSamples.CompletedTasks(1), null, CancellationToken.None);
        var loadedElsewhere = await otherProcess.Instances.LoadHistoryAsync("shared", CancellationToken.None);
        await otherProcess.Instances.AppendHistoryAsync("shared", "exec", 1, HistoryEventSamples.CompletedTasks(1, 1), loadedElsewhere.Checkpoint, CancellationToken.None);

        var exception = await Record.ExceptionAsync(() => Store.AppendHistoryAsync("shared", "exec", 1, HistoryEventSamples.CompletedTasks(150, 1), seen, CancellationToken.None));

        Assert.IsType<HistoryConflictException>(exception);
        Assert.Equal(HistoryEventSamples.CompletedTasks(2), (await Store.LoadHistoryAsync("shared", CancellationToken.None)).Events);
    }

    [Fact]
    public async Task AppendHistoryAsync_ConflictFoundByTheTransaction_LeavesNoBlobBehind()
    {
        using var otherProcess = new AzureStorageTaskHubBackend(AzuriteConnection.ConnectionString, _hubName, new AzureStorageBackendOptions());
        var seen = await Store.AppendHistoryAsync("conflict", "exec", 0, HistoryEventSamples.CompletedTasks(1), null, CancellationToken.None);
        var loadedElsewhere = await otherProcess.Instances.LoadHistoryAsync("conflict", CancellationToken.None);
        await otherProcess.Instances.AppendHistoryAsync("conflict", "exec", 1, HistoryEventSamples.CompletedTasks(1, 1), loadedElsewhere.Checkpoint, CancellationToken.None);
        HistoryEvent large = new TaskCompletedEvent(5, "\"" + new string('z', 40_000) + "\"");

        await Assert.ThrowsAsync<HistoryConflictException>(() => Store.AppendHistoryAsync("conflict", "exec", 1, [large], seen, CancellationToken.None));

        Assert.Equal(0, await CountBlobsAsync("history/conflict/"));
    }

    [Fact]
    public async Task PurgeAsync_InstanceWithLargeValues_DeletesTheirBlobs()
    {
        var large = "\"" + new string('q', 40_000) + "\"";
        var record = InstanceRecords.Pending("large") with { Input = large };
        await Store.UpsertInstanceAsync(record, CancellationToken.None);
        await Store.AppendHistoryAsync("large", record.ExecutionId, 0, [new ExecutionStartedEvent("Hello", large, record.ExecutionId)], null, CancellationToken.None);
        var blobsBefore = await CountBlobsAsync(string.Empty);

        await Store.PurgeAsync("large", CancellationToken.None);

        Assert.Equal(2, blobsBefore);
        Assert.Equal(0, await CountBlobsAsync(string.Empty));
    }

    private async Task WriteRawRowAsync(string instanceId, string rowKey, HistoryEvent historyEvent) =>
        await _historyTable.UpsertEntityAsync(new TableEntity(instanceId, rowKey)
        {
            ["Event"] = JsonSerializer.Serialize(historyEvent),
            ["EventType"] = "TaskCompleted",
        });

    private async Task<int> CountRowsAsync(string instanceId, string executionId)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {executionId + ":"} and RowKey lt {executionId + ";"}");
        await foreach (var _ in _historyTable.QueryAsync<TableEntity>(filter))
        {
            count++;
        }

        return count;
    }

    private async Task<int> CountBlobsAsync(string prefix)
    {
        var count = 0;
        await foreach (var _ in _largeMessages.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
