namespace Fractal.LocalHost.Durable;

/// <summary>The names of the <c>extensions.durableTask</c> settings, as configuration keys relative to <c>host.json</c>.</summary>
public static class DurableTaskSettingNames
{
    /// <summary>Where the Functions host puts <c>host.json</c> in configuration.</summary>
    public const string HostJsonSection = "AzureFunctionsJobHost";

    /// <summary>The section of <c>host.json</c> read, relative to it.</summary>
    public const string Section = "extensions:durableTask";

    /// <summary>The section's full configuration path.</summary>
    public const string ConfigurationSection = HostJsonSection + ":" + Section;

    public const string HubName = "hubName";
    public const string StorageProvider = "storageProvider";
    public const string ConnectionName = StorageProvider + ":connectionName";
    public const string ConnectionStringName = StorageProvider + ":connectionStringName";
    public const string PartitionCount = StorageProvider + ":partitionCount";
    public const string ControlQueueBatchSize = StorageProvider + ":controlQueueBatchSize";
    public const string ControlQueueBufferThreshold = StorageProvider + ":controlQueueBufferThreshold";
    public const string MaxQueuePollingInterval = StorageProvider + ":maxQueuePollingInterval";
    public const string ControlQueueVisibilityTimeout = StorageProvider + ":controlQueueVisibilityTimeout";
    public const string WorkItemQueueVisibilityTimeout = StorageProvider + ":workItemQueueVisibilityTimeout";
    public const string UseTablePartitionManagement = StorageProvider + ":useTablePartitionManagement";
    public const string ExtendedSessionsEnabled = "extendedSessionsEnabled";
    public const string ExtendedSessionIdleTimeoutInSeconds = "extendedSessionIdleTimeoutInSeconds";
    public const string MaxConcurrentActivityFunctions = "maxConcurrentActivityFunctions";
    public const string MaxConcurrentOrchestratorFunctions = "maxConcurrentOrchestratorFunctions";

    /// <summary>The name a message gives a setting: its path in <c>host.json</c> (e.g. <c>extensions:durableTask:hubName</c>).</summary>
    public static string Display(string key) => $"{Section}:{key}";
}
