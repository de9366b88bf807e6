using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Fractal.AzureConnections;

namespace Fractal.LocalHost.Durable;

/// <summary>Turns <see cref="DurableTaskHostOptions"/> into DTFx's Azure Storage settings, as Durable Functions does.</summary>
internal static class AzureStorageSettingsFactory
{
    public static AzureStorageOrchestrationServiceSettings Create(
        DurableTaskHostOptions options, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = StorageClientFactory.FromConfiguration(configuration, options.ConnectionName)
            ?? throw new InvalidOperationException(
                $"The storage connection setting '{options.ConnectionName}' (named by "
                + $"'{DurableTaskSettingNames.Display(DurableTaskSettingNames.ConnectionName)}') is not set; "
                + "give it a connection string, such as UseDevelopmentStorage=true for Azurite, or an identity-based "
                + $"connection ({options.ConnectionName}__accountName, __credential, __clientId).");
        return Create(options, storage, loggerFactory);
    }

    /// <summary>As <see cref="Create(DurableTaskHostOptions, IConfiguration, ILoggerFactory)"/>, over the clients of <paramref name="storage"/>.</summary>
    public static AzureStorageOrchestrationServiceSettings Create(
        DurableTaskHostOptions options, StorageClientFactory storage, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(
                new FactoryClientProvider<BlobServiceClient, BlobClientOptions>(() => new BlobClientOptions(), storage.CreateBlobServiceClient),
                new FactoryClientProvider<QueueServiceClient, QueueClientOptions>(() => new QueueClientOptions(), storage.CreateQueueServiceClient),
                new FactoryClientProvider<TableServiceClient, TableClientOptions>(() => new TableClientOptions(), storage.CreateTableServiceClient)),
            PartitionCount = options.PartitionCount,
            ControlQueueBatchSize = options.ControlQueueBatchSize,
            ControlQueueBufferThreshold = options.ControlQueueBufferThreshold,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            UseTablePartitionManagement = options.UseTablePartitionManagement,
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(options.ExtendedSessionIdleTimeoutInSeconds),
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions,
            FetchLargeMessageDataEnabled = true,
            // As Durable Functions: a start refused by the dedupe statuses is an error the caller sees, not a silent no-op.
            ThrowExceptionOnInvalidDedupeStatus = true,
            // Two hosts on one machine must not share an identity: leases are owned by worker id.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = loggerFactory,
        };
    }
}
