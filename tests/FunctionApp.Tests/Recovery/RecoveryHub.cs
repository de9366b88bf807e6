using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Fractal.Durable.Backends;
using Fractal.Durable.Backends.AzureStorage;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>
/// A task hub of its own on Azurite for one test, the worker processes started on it, and read-only
/// views of its storage. Disposing kills every worker, writes the tail of each one's log to the test
/// output (shown when the test fails) and deletes the hub.
/// </summary>
internal sealed class RecoveryHub : IAsyncDisposable
{
    public const int PartitionCount = 4;

    /// <summary>Partition leases expire 15 s after their last renewal (the shortest a blob lease can be).</summary>
    private const string LeaseDuration = "00:00:15";

    /// <summary>A worker that has not written its heartbeat for this long is dead to the others.</summary>
    private const string WorkerTimeout = "00:00:08";

    private const string LeaseRenewInterval = "00:00:02";

    /// <summary>The history table's sentinel row and its committed-event column, as the Azure Storage backend lays them out.</summary>
    private const string SentinelRowKey = "sentinel";
    private const string EventCountColumn = "EventCount";

    private readonly ITestOutputHelper _output;
    private readonly Dictionary<string, string> _settings;
    private readonly List<WorkerProcess> _workers = [];
    private readonly AzureStorageTaskHubBackend _backend;
    private readonly TableClient _history;
    private readonly QueueClient _poison;
    private readonly QueueClient _workItems;
    private readonly DateTime _created = DateTime.UtcNow;

    /// <summary>
    /// A new hub whose workers hide a received queue message for <paramref name="visibilityTimeout"/>, with
    /// <paramref name="durableTaskSettings"/> (keys under <c>extensions:durableTask</c>, e.g. <c>localFastPathEnabled</c>) on top.
    /// </summary>
    public RecoveryHub(
        ITestOutputHelper output,
        TimeSpan visibilityTimeout,
        IReadOnlyDictionary<string, string>? durableTaskSettings = null,
        IReadOnlyDictionary<string, string>? appSettings = null)
    {
        _output = output;
        Name = AppHost.NewHubName();
        const string DurableTask = "AzureFunctionsJobHost__extensions__durableTask__";
        const string Storage = DurableTask + "storageProvider__";
        _settings = new Dictionary<string, string>
        {
            [Storage + "partitionCount"] = PartitionCount.ToString(CultureInfo.InvariantCulture),
            [Storage + "partitionLeaseDuration"] = LeaseDuration,
            [Storage + "workerTimeout"] = WorkerTimeout,
            [Storage + "leaseRenewInterval"] = LeaseRenewInterval,
            [Storage + "workItemQueueVisibilityTimeout"] = visibilityTimeout.ToString("c", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in durableTaskSettings ?? new Dictionary<string, string>())
        {
            _settings[DurableTask + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in appSettings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }

        _backend = new AzureStorageTaskHubBackend(AppHost.StorageConnection, Name, new AzureStorageBackendOptions { PartitionCount = PartitionCount });
        _history = new TableClient(AppHost.StorageConnection, Name + "History");
        _poison = new QueueClient(AppHost.StorageConnection, Name.ToLowerInvariant() + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        _workItems = new QueueClient(AppHost.StorageConnection, Name.ToLowerInvariant() + "-workitems");
    }

    public string Name { get; }

    /// <summary>The hub's storage as the engine sees it, for reading instances and histories.</summary>
    public ITaskHubBackend Backend => _backend;

    /// <summary>Starts a worker process on this hub and waits until it answers HTTP.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(string workerId)
    {
        var worker = LaunchWorker(workerId);
        await worker.WaitUntilAnsweringAsync();
        Log($"worker {workerId} answers HTTP at {worker.Client.BaseAddress}");
        return worker;
    }

    /// <summary>Starts a worker process on this hub without waiting for it (it may crash while starting).</summary>
    public WorkerProcess LaunchWorker(string workerId)
    {
        var worker = WorkerProcess.Start(Name, workerId, _settings);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>
    /// How many history events of <paramref name="instanceId"/> are committed, from its history sentinel:
    /// null before the first append starts, 0 while the first append is half-written.
    /// </summary>
    public async Task<int?> ReadCommittedEventCountAsync(string instanceId, CancellationToken cancellationToken)
    {
        var sentinel = await _history.GetEntityIfExistsAsync<TableEntity>(instanceId, SentinelRowKey, [EventCountColumn], cancellationToken);
        return sentinel.HasValue ? sentinel.Value!.GetInt32(EventCountColumn) ?? 0 : null;
    }

    /// <summary>An instance id whose control partition <paramref name="worker"/> owns now.</summary>
    public string InstanceIdOwnedBy(WorkerProcess worker, string prefix)
    {
        var owned = worker.OwnedPartitions;
        if (owned.Count == 0)
        {
            throw new InvalidOperationException($"Worker {worker.WorkerId} owns no partition.");
        }

        while (true)
        {
            var id = $"{prefix}-{Guid.NewGuid():N}";
            if (owned.Contains(_backend.Queues.PartitionOf(id)))
            {
                return id;
            }
        }
    }

    /// <summary>The bodies of the messages in <c>{hub}-poison</c> (at most 32), without receiving them.</summary>
    public async Task<IReadOnlyList<string>> PeekPoisonAsync(CancellationToken cancellationToken)
    {
        if (!await _poison.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var peeked = await _poison.PeekMessagesAsync(32, cancellationToken);
        return [.. peeked.Value.Select(m => m.Body.ToString())];
    }

    /// <summary>How many messages <c>{hub}-workitems</c> holds, hidden ones included (the queue's approximate count).</summary>
    public async Task<int> CountWorkItemMessagesAsync(CancellationToken cancellationToken) =>
        (await _workItems.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    /// <summary>Writes a timestamped line to the test's output.</summary>
    public void Log(string message) =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{(DateTime.UtcNow - _created).TotalSeconds,7:F2}s] {message}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            var state = worker.HasExited ? $"exited with code {worker.ExitCode}" : "killed at clean-up";
            await worker.DisposeAsync();
            _output.WriteLine($"--- worker {worker.WorkerId} ({state}), last lines of {worker.LogPath}:");
            _output.WriteLine(worker.Tail(60));
            File.Delete(worker.LogPath);
        }

        try
        {
            await _backend.DeleteAsync(CancellationToken.None);
        }
        catch (Azure.RequestFailedException e)
        {
            _output.WriteLine($"Could not delete task hub {Name}: {e.Message}");
        }

        _backend.Dispose();
    }
}
