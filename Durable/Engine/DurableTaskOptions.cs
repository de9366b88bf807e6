using System.Globalization;
using Fractal.Durable.Hosting;
using Microsoft.Extensions.Configuration;

namespace Fractal.Durable.Engine;

/// <summary>The engine's settings, read from <c>host.json</c>'s <c>extensions.durableTask</c> as Durable Functions names them.</summary>
public sealed record DurableTaskOptions
{
    public string HubName { get; init; } = "FractalHub";

    /// <summary>Control-queue partitions (1 to 16).</summary>
    public int PartitionCount { get; init; } = 4;

    public int MaxConcurrentActivityFunctions { get; init; } = 10 * Environment.ProcessorCount;

    public int MaxConcurrentOrchestratorFunctions { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>The longest an idle poller waits between polls.</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many activity calls one work-item message carries at most.</summary>
    public int WorkItemBatchSize { get; init; } = 32;

    /// <summary>How many bytes of inputs one work-item message carries at most (larger single inputs go alone).</summary>
    public int WorkItemBatchBytes { get; init; } = 45 * 1024;

    /// <summary>How long a received message stays hidden; activities renew it while they run.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A message received more often than this goes to the poison queue.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Keep an orchestration's history in memory between steps on the worker that owns it.</summary>
    public bool ExtendedSessionsEnabled { get; init; } = true;

    /// <summary>The owner of an orchestration runs the calls it has just scheduled itself when it has capacity.</summary>
    public bool LocalFastPathEnabled { get; init; } = true;

    /// <summary>How often a worker renews its leases and rebalances partitions.</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads the options from the <c>AzureFunctionsJobHost:extensions:durableTask</c> section.</summary>
    public static DurableTaskOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection($"{HostConfiguration.HostSection}:extensions:durableTask");
        var storage = section.GetSection("storageProvider");
        var defaults = new DurableTaskOptions();
        var options = new DurableTaskOptions
        {
            HubName = section["hubName"] ?? defaults.HubName,
            PartitionCount = Int(storage["partitionCount"], defaults.PartitionCount, "storageProvider.partitionCount"),
            MaxConcurrentActivityFunctions = Int(section["maxConcurrentActivityFunctions"], defaults.MaxConcurrentActivityFunctions, "maxConcurrentActivityFunctions"),
            MaxConcurrentOrchestratorFunctions = Int(section["maxConcurrentOrchestratorFunctions"], defaults.MaxConcurrentOrchestratorFunctions, "maxConcurrentOrchestratorFunctions"),
            MaxQueuePollingInterval = Time(storage["maxQueuePollingInterval"], defaults.MaxQueuePollingInterval, "storageProvider.maxQueuePollingInterval"),
            WorkItemBatchSize = Int(storage["workItemBatchSize"], defaults.WorkItemBatchSize, "storageProvider.workItemBatchSize"),
            ExtendedSessionsEnabled = Bool(section["extendedSessionsEnabled"], defaults.ExtendedSessionsEnabled),
            LocalFastPathEnabled = Bool(section["localFastPathEnabled"], defaults.LocalFastPathEnabled),
            MaxDequeueCount = Int(storage["maxDequeueCount"], defaults.MaxDequeueCount, "storageProvider.maxDequeueCount"),
            VisibilityTimeout = Time(storage["workItemQueueVisibilityTimeout"], defaults.VisibilityTimeout, "storageProvider.workItemQueueVisibilityTimeout"),
            LeaseRenewInterval = Time(storage["leaseRenewInterval"], defaults.LeaseRenewInterval, "storageProvider.leaseRenewInterval"),
        };
        if (options.PartitionCount is < 1 or > 16)
        {
            throw new InvalidOperationException("durableTask.storageProvider.partitionCount must be between 1 and 16.");
        }

        return options;
    }

    private static int Int(string? text, int fallback, string name) => text is null ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new InvalidOperationException($"durableTask.{name} must be a positive whole number.");

    private static TimeSpan Time(string? text, TimeSpan fallback, string name) => text is null ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value
        : throw new InvalidOperationException($"durableTask.{name} must be a positive time span such as 00:00:01.");

    private static bool Bool(string? text, bool fallback) => text is null ? fallback : bool.Parse(text);
}
