using System.Text.Json;
using Azure.Core.Serialization;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core.History;
using Fractal.LocalHost.Durable;
using Fractal.LocalHost.Tests.Support;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>
/// A task hub of its own on Azurite for a recovery test: the settings its host processes get (short polling and
/// visibility timeouts, so that a dead worker's messages come back in under a minute rather than DTFx's 5), a client
/// of it in the test process (it runs no worker), and the hub's deletion on dispose.
/// </summary>
internal sealed class RecoveryHub : IAsyncDisposable
{
    /// <summary>
    /// How long a dequeued message stays hidden: after a SIGKILL, the dead worker's messages return after this (DTFx's
    /// default is 5 minutes). It must stay above DTFx's 30 s lock-renewal margin and what a busy, shared Azurite takes
    /// to serve an episode: at 20 s, messages came back while their worker still held them.
    /// </summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Activities one host runs at once (<c>maxConcurrentActivityFunctions</c>): a killed host can leave at most this many
    /// run but not acknowledged, so at most this many run twice.
    /// </summary>
    public const int MaxConcurrentActivities = 20;

    /// <summary><c>storageProvider.controlQueueBatchSize</c>: control-queue messages fetched at a time.</summary>
    public const int ControlQueueBatchSize = 32;

    /// <summary><c>storageProvider.controlQueueBufferThreshold</c>: control-queue messages a host holds in memory.</summary>
    public const int ControlQueueBufferThreshold = 64;

    /// <summary>
    /// The most results a killed host can leave to be recorded again: activities it ran but had not acknowledged (they
    /// run again), and control-queue messages it had received (their results possibly already in the history) but not
    /// deleted (they are delivered again). DTFx appends such results to the history a second time.
    /// </summary>
    public const int MaxRecordedAgain = MaxConcurrentActivities + ControlQueueBufferThreshold + ControlQueueBatchSize;

    private const string Prefix = "AzureFunctionsJobHost__extensions__durableTask__";

    private readonly AzureStorageOrchestrationService _service;

    private RecoveryHub(string hubName, int partitionCount)
    {
        HubName = hubName;
        PartitionCount = partitionCount;
        _service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(DurableTestHost.StorageConnection),
            PartitionCount = partitionCount,
            FetchLargeMessageDataEnabled = true,
        });
        Client = new LocalDurableTaskClient(
            hubName, _service, new FunctionsDataConverter(new JsonObjectSerializer(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })));
    }

    public string HubName { get; }

    public int PartitionCount { get; }

    /// <summary>A client of the hub (starts, status, history) that runs nothing.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>A new hub with <paramref name="partitionCount"/> control queues.</summary>
    public static RecoveryHub Create(int partitionCount = 2) => new(DurableTestHost.NewHubName(), partitionCount);

    /// <summary>The environment variables a host process of this hub gets.</summary>
    public IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = DurableTestHost.StorageConnection,
        [Prefix + "hubName"] = HubName,
        [Prefix + "storageProvider__partitionCount"] = PartitionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [Prefix + "storageProvider__maxQueuePollingInterval"] = "00:00:00.500",
        [Prefix + "storageProvider__controlQueueVisibilityTimeout"] = VisibilityTimeout.ToString("c"),
        [Prefix + "storageProvider__workItemQueueVisibilityTimeout"] = VisibilityTimeout.ToString("c"),
        [Prefix + "extendedSessionsEnabled"] = "true",
        [Prefix + "storageProvider__controlQueueBatchSize"] = ControlQueueBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [Prefix + "storageProvider__controlQueueBufferThreshold"] = ControlQueueBufferThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [Prefix + "maxConcurrentActivityFunctions"] = MaxConcurrentActivities.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FRACTAL_HOST_KEY"] = "recovery-function-key",
        // DTFx logs every message at Information; keep the console to what explains a failure.
        ["AzureFunctionsJobHost__logging__LogLevel__DurableTask.AzureStorage"] = "Warning",
        ["AzureFunctionsJobHost__logging__LogLevel__DurableTask.Core"] = "Warning",
        ["AzureFunctionsJobHost__logging__LogLevel__Microsoft.DurableTask"] = "Warning",
        ["AzureFunctionsJobHost__logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>Starts a host process on this hub and waits until it answers.</summary>
    public async Task<LocalHostProcess> StartHostAsync(string name)
    {
        var host = LocalHostProcess.Start($"{HubName}-{name}", Settings());
        try
        {
            await host.WaitUntilAnsweringAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts host processes on this hub side by side and waits until all answer.</summary>
    public async Task<LocalHostProcess[]> StartHostsAsync(params string[] names)
    {
        var hosts = names.Select(name => LocalHostProcess.Start($"{HubName}-{name}", Settings())).ToArray();
        try
        {
            await Task.WhenAll(hosts.Select(host => host.WaitUntilAnsweringAsync()));
            return hosts;
        }
        catch
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The instance's history, typed.</summary>
    public async Task<IList<HistoryEvent>> HistoryAsync(string instanceId) => await Client.GetOrchestrationHistoryAsync(instanceId);

    /// <summary>
    /// Polls the instance's history until <paramref name="condition"/> holds, failing after <paramref name="timeout"/>
    /// or as soon as the instance has ended.
    /// </summary>
    public async Task<IList<HistoryEvent>> WaitForHistoryAsync(
        string instanceId, Func<IList<HistoryEvent>, bool> condition, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var history = await HistoryAsync(instanceId);
            if (condition(history))
            {
                return history;
            }

            if (history.OfType<ExecutionCompletedEvent>().Any())
            {
                throw new InvalidOperationException($"{instanceId} ended before the awaited point:\n{diagnostics()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{instanceId} did not reach the awaited point within {timeout}:\n{diagnostics()}");
            }

            // Each poll reads the whole history: keep Azurite free for the hosts.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Polls until every instance of <paramref name="instanceIds"/> is running, failing after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilRunningAsync(IReadOnlyList<string> instanceIds, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var statuses = new List<OrchestrationRuntimeStatus?>();
            foreach (var id in instanceIds)
            {
                statuses.Add((await Client.GetInstanceAsync(id))?.RuntimeStatus);
            }

            if (statuses.All(s => s == OrchestrationRuntimeStatus.Running))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not all of {string.Join(", ", instanceIds)} ran within {timeout} ({string.Join(", ", statuses)}):\n{diagnostics()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Waits for the instance to end (polling), failing after <paramref name="timeout"/>.</summary>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, TimeSpan timeout, Func<string> diagnostics)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var status = await Client.GetInstanceAsync(instanceId);
            throw new TimeoutException($"{instanceId} did not end within {timeout} (status {status?.RuntimeStatus}):\n{diagnostics()}");
        }
    }

    /// <summary>The worker that holds each control queue's lease, from the hub's partition table.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PartitionOwnersAsync()
    {
        var table = new TableClient(DurableTestHost.StorageConnection, HubName + "Partitions");
        var owners = new Dictionary<string, string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            owners[row.RowKey] = row.GetString("CurrentOwner") ?? string.Empty;
        }

        return owners;
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DeleteAsync();
        _service.Dispose();
    }
}
