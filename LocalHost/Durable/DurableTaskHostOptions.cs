namespace Fractal.LocalHost.Durable;

/// <summary>
/// <c>host.json</c>'s <c>extensions.durableTask</c> settings the local host honours, with the defaults and meanings
/// Durable Functions (WebJobs extension 3.x, Azure Storage provider) gives them.
/// </summary>
public sealed class DurableTaskHostOptions
{
    /// <summary>Durable Functions' default task hub name.</summary>
    public const string DefaultHubName = "TestHubName";

    /// <summary>The app setting holding the storage connection when <c>storageProvider.connectionName</c> is not set.</summary>
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    /// <summary><c>hubName</c>: names the task hub's queues, tables and blob containers.</summary>
    public string HubName { get; set; } = DefaultHubName;

    /// <summary><c>storageProvider.connectionName</c>: the app setting that holds the storage connection string.</summary>
    public string ConnectionName { get; set; } = DefaultConnectionName;

    /// <summary><c>storageProvider.partitionCount</c>: control queues (1 to 16); fixed once the hub exists.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary><c>storageProvider.controlQueueBatchSize</c>: messages pulled from a control queue at a time (1 to 32).</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary><c>storageProvider.controlQueueBufferThreshold</c>: control-queue messages buffered in memory per partition.</summary>
    public int ControlQueueBufferThreshold { get; set; } = 256;

    /// <summary><c>storageProvider.maxQueuePollingInterval</c>: the longest wait between polls of an idle queue.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>storageProvider.controlQueueVisibilityTimeout</c>: how long a dequeued control message stays hidden; after a
    /// worker dies its messages return when this runs out.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>storageProvider.workItemQueueVisibilityTimeout</c>: the same for activity (work-item) messages.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>storageProvider.useTablePartitionManagement</c>: partition leases in a table (the 3.x default) rather than blobs.</summary>
    public bool UseTablePartitionManagement { get; set; } = true;

    /// <summary><c>extendedSessionsEnabled</c>: keep orchestrations in memory between episodes instead of replaying them.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary><c>extendedSessionIdleTimeoutInSeconds</c>: how long an idle extended session stays in memory.</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary><c>maxConcurrentActivityFunctions</c>: activities run at once by this process (default 10 per core).</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary><c>maxConcurrentOrchestratorFunctions</c>: orchestrator episodes run at once by this process (default 10 per core).</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10 * Environment.ProcessorCount;
}
