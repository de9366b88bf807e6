using System.Diagnostics;
using Fractal.Durable;
using Fractal.Durable.Backends;
using Fractal.Durable.Client;
using Fractal.Durable.Engine;
using Microsoft.Extensions.Logging;

namespace Fractal.Bench.Engine;

/// <summary>
/// A fresh task hub with one worker and a client in this process, its storage calls timed; disposing
/// it stops the worker and deletes the hub.
/// </summary>
internal sealed class BenchHub : IAsyncDisposable
{
    private static readonly TimeSpan s_partitionWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_drain = TimeSpan.FromMilliseconds(500);

    private readonly ITaskHubBackend _storage;
    private readonly TaskHubWorker _worker;
    private readonly CompletionWatcher _watcher = new();
    private readonly DurableFunctionRegistry _registry = BenchFunctions.CreateRegistry();

    private BenchHub(ITaskHubBackend storage, DurableTaskOptions options, ILoggerFactory loggerFactory)
    {
        _storage = storage;
        var backend = new MeasuredBackend(storage, Log, _watcher);
        var notifier = new InstanceStatusNotifier();
        _worker = new TaskHubWorker(backend, options, _registry, notifier, loggerFactory, workerId: $"bench-{Environment.ProcessId}");
        Client = new DurableTaskClient(backend, _registry, notifier);
    }

    public StorageOperationLog Log { get; } = new();

    public DurableTaskClient Client { get; }

    public DataConverter Converter => _registry.Converter;

    /// <summary>Creates the hub on <paramref name="storage"/>, starts the worker and waits until it owns every partition.</summary>
    public static async Task<BenchHub> StartAsync(ITaskHubBackend storage, DurableTaskOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var hub = new BenchHub(storage, options, loggerFactory);
        try
        {
            await hub._worker.StartAsync(cancellationToken);
            var waited = Stopwatch.StartNew();
            while (hub._worker.OwnedPartitions.Count < options.PartitionCount)
            {
                if (waited.Elapsed > s_partitionWait)
                {
                    throw new TimeoutException($"The worker owns {hub._worker.OwnedPartitions.Count} of {options.PartitionCount} partitions after {s_partitionWait.TotalSeconds} s.");
                }

                await Task.Delay(50, cancellationToken);
            }

            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts an instance; the task completes when the engine writes its terminal row.</summary>
    public async Task<Task<InstanceRecord>> StartInstanceAsync(string orchestrator, object? input, CancellationToken cancellationToken)
    {
        var instanceId = Guid.NewGuid().ToString("N");
        var ended = _watcher.WhenEnded(instanceId);
        await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        return ended;
    }

    /// <summary>Runs one instance to its end and returns how long that took, from the start call to the terminal row.</summary>
    public async Task<(TimeSpan Elapsed, InstanceRecord Record)> RunAsync(string orchestrator, object? input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var ended = await StartInstanceAsync(orchestrator, input, cancellationToken);
        var record = await ended.WaitAsync(timeout, cancellationToken);
        return (Stopwatch.GetElapsedTime(started), record);
    }

    public async ValueTask DisposeAsync()
    {
        // The last step deletes its messages after it writes the completed row: let it finish.
        await Task.Delay(s_drain);
        await _worker.DisposeAsync();
        await _storage.DeleteAsync(CancellationToken.None);
        (_storage as IDisposable)?.Dispose();
    }
}
