using DurableTask.AzureStorage;
using Fractal.LocalHost.Durable;
using Microsoft.Extensions.Logging;

namespace Fractal.Bench.Engine;

/// <summary>
/// DTFx Azure Storage settings from the options the local host read, mapped as Durable Functions maps
/// <c>host.json</c>, so that the bare worker runs under exactly the local host's settings (on a hub of its own).
/// </summary>
internal static class BareSettings
{
    public static AzureStorageOrchestrationServiceSettings From(
        DurableTaskHostOptions options, string hubName, string connectionString, ILoggerFactory loggerFactory) => new()
        {
            TaskHubName = hubName,
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
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-bare",
            LoggerFactory = loggerFactory,
        };
}
