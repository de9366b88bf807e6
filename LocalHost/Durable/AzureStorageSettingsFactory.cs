using DurableTask.AzureStorage;

namespace Fractal.LocalHost.Durable;

/// <summary>Turns <see cref="DurableTaskHostOptions"/> into DTFx's Azure Storage settings, as Durable Functions does.</summary>
internal static class AzureStorageSettingsFactory
{
    public static AzureStorageOrchestrationServiceSettings Create(
        DurableTaskHostOptions options, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[options.ConnectionName];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The storage connection setting '{options.ConnectionName}' (named by "
                + $"'{DurableTaskSettingNames.Display(DurableTaskSettingNames.ConnectionName)}') is not set; "
                + "give it a connection string, such as UseDevelopmentStorage=true for Azurite.");
        }

        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
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
