using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>
/// A task hub on Azure Storage (or Azurite): tables <c>{hub}Instances</c> and <c>{hub}History</c>,
/// queues <c>{hub}-control-NN</c>, <c>{hub}-workitems</c> and <c>{hub}-poison</c>, and blob
/// containers <c>{hub}-leases</c> and <c>{hub}-largemessages</c>.
/// </summary>
public sealed class AzureStorageTaskHubBackend : ITaskHubBackend, IDisposable
{
    private readonly AzureStorageBackendOptions _options;
    private readonly TaskHubNames _names;
    private readonly TableServiceClient _tableService;
    private readonly TableClient _instancesTable;
    private readonly TableClient _historyTable;
    private readonly BlobContainerClient _leasesContainer;
    private readonly BlobContainerClient _largeMessagesContainer;
    private readonly AzureStorageTaskHubQueues _queues;

    /// <param name="connectionString">An Azure Storage connection string, e.g. <c>UseDevelopmentStorage=true</c> for Azurite.</param>
    /// <param name="hubName">The task hub: 3 to 45 ASCII letters and digits, starting with a letter.</param>
    /// <param name="options">Partitions, leases and the large-message threshold.</param>
    /// <exception cref="ArgumentException">The hub name is not valid.</exception>
    public AzureStorageTaskHubBackend(string connectionString, string hubName, AzureStorageBackendOptions options)
        : this(connectionString, hubName, options, TimeProvider.System)
    {
    }

    internal AzureStorageTaskHubBackend(string connectionString, string hubName, AzureStorageBackendOptions options, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _names = new TaskHubNames(hubName, options.PartitionCount);
        HubName = hubName;

        _tableService = new TableServiceClient(connectionString);
        _instancesTable = _tableService.GetTableClient(_names.InstancesTable);
        _historyTable = _tableService.GetTableClient(_names.HistoryTable);

        var blobService = new BlobServiceClient(connectionString);
        _leasesContainer = blobService.GetBlobContainerClient(_names.LeasesContainer);
        _largeMessagesContainer = blobService.GetBlobContainerClient(_names.LargeMessagesContainer);
        var payloads = new LargePayloadStore(_largeMessagesContainer);

        var queueService = new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        _queues = new AzureStorageTaskHubQueues(queueService, _names, payloads, options.LargeMessageThreshold, time);
        Instances = new AzureStorageInstanceStore(_instancesTable, _historyTable, payloads);
    }

    /// <inheritdoc />
    public string HubName { get; }

    /// <inheritdoc />
    public ITaskHubQueues Queues => _queues;

    /// <inheritdoc />
    public IInstanceStore Instances { get; }

    /// <inheritdoc />
    public IPartitionLeases CreateLeases(string workerId) =>
        new AzureStoragePartitionLeases(_leasesContainer, workerId, _options.PartitionCount, _options.LeaseDuration, _options.WorkerTimeout);

    /// <inheritdoc />
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            _instancesTable.CreateIfNotExistsAsync(cancellationToken),
            _historyTable.CreateIfNotExistsAsync(cancellationToken),
            _leasesContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            _largeMessagesContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Task.WhenAll(_queues.AllQueues.Select(q => q.CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
        await Task.WhenAll(Enumerable.Range(0, _options.PartitionCount).Select(p => CreatePartitionBlobAsync(p, cancellationToken)));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            _tableService.DeleteTableAsync(_names.InstancesTable, cancellationToken),
            _tableService.DeleteTableAsync(_names.HistoryTable, cancellationToken),
            _leasesContainer.DeleteIfExistsAsync(cancellationToken: cancellationToken),
            _largeMessagesContainer.DeleteIfExistsAsync(cancellationToken: cancellationToken),
            Task.WhenAll(_queues.AllQueues.Select(q => q.DeleteIfExistsAsync(cancellationToken))));
    }

    /// <inheritdoc />
    public void Dispose() => _queues.Dispose();

    private async Task CreatePartitionBlobAsync(int partition, CancellationToken cancellationToken)
    {
        try
        {
            await _leasesContainer.GetBlobClient(TaskHubNames.PartitionLeaseBlob(partition)).UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists (and may be leased): nothing to create.
        }
    }
}
