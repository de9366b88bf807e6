using Fractal.Durable.Backends;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fractal.Durable.Engine;

/// <summary>
/// A worker process's share of a task hub: it leases control partitions (balanced with the other
/// workers), runs a dispatcher for each partition it owns, and competes for work items.
/// </summary>
public sealed class TaskHubWorker : IHostedService, IAsyncDisposable
{
    private readonly EngineContext _engine;
    private readonly Dictionary<int, ControlQueueDispatcher> _partitions = [];
    private readonly SemaphoreSlim _balanceGate = new(1, 1);
    private IPartitionLeases? _leases;
    private WorkItemDispatcher? _workItems;
    private CancellationTokenSource? _stopping;
    private Task? _balancing;

    public TaskHubWorker(
        ITaskHubBackend backend,
        DurableTaskOptions options,
        DurableFunctionRegistry registry,
        InstanceStatusNotifier? notifier = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? time = null,
        string? workerId = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        _engine = new EngineContext(backend, options, registry, notifier ?? new InstanceStatusNotifier(), time ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance);
        WorkerId = workerId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    }

    public string WorkerId { get; }

    /// <summary>The partitions this worker owns now.</summary>
    public IReadOnlyCollection<int> OwnedPartitions
    {
        get
        {
            lock (_partitions)
            {
                return [.. _partitions.Keys];
            }
        }
    }

    /// <summary>
    /// Creates the hub's storage and takes this worker's partitions; when storage does not answer,
    /// the host still starts and the worker keeps trying in the background.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _leases = _engine.Backend.CreateLeases(WorkerId);
        var ready = false;
        try
        {
            await _engine.Backend.EnsureCreatedAsync(cancellationToken);
            StartWorkItems();
            await BalanceAsync(_stopping.Token);
            ready = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            _engine.Logger.LogError(ex, "Task hub {HubName} is not reachable; the worker keeps trying", _engine.Backend.HubName);
        }

        _balancing = Task.Run(() => KeepBalancingAsync(ready, _stopping.Token), CancellationToken.None);
    }

    private void StartWorkItems()
    {
        _workItems ??= new WorkItemDispatcher(_engine);
        _engine.WorkItemSink = _workItems.DispatchAsync;
        _engine.TryDeliverLocally = DeliverLocally;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_balancing is not null)
        {
            await _balancing;
        }

        List<ControlQueueDispatcher> dispatchers;
        lock (_partitions)
        {
            dispatchers = [.. _partitions.Values];
            _partitions.Clear();
        }

        foreach (var dispatcher in dispatchers)
        {
            await dispatcher.DisposeAsync();
        }

        if (_workItems is not null)
        {
            await _workItems.DisposeAsync();
        }

        if (_leases is not null)
        {
            try
            {
                await _leases.ReleaseAllAsync(cancellationToken);
                await _leases.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _engine.Logger.LogWarning(ex, "Could not release the leases of worker {WorkerId}; they expire on their own", WorkerId);
            }
        }

        _stopping.Dispose();
        _stopping = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _balanceGate.Dispose();
    }

    private bool DeliverLocally(Messaging.ReceivedMessage<Messaging.ControlMessage> message)
    {
        var partition = _engine.Backend.Queues.PartitionOf(message.Body.InstanceId);
        ControlQueueDispatcher? owner;
        lock (_partitions)
        {
            _partitions.TryGetValue(partition, out owner);
        }

        owner?.Deliver(message);
        return owner is not null;
    }

    private async Task KeepBalancingAsync(bool ready, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_engine.Options.LeaseRenewInterval, cancellationToken);
                if (!ready)
                {
                    await _engine.Backend.EnsureCreatedAsync(cancellationToken);
                    StartWorkItems();
                    ready = true;
                }

                await BalanceAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _engine.Logger.LogWarning(ex, "Balancing partitions failed; trying again");
            }
        }
    }

    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        await _balanceGate.WaitAsync(cancellationToken);
        try
        {
            var owned = await _leases!.BalanceAsync(cancellationToken);
            List<ControlQueueDispatcher> lost;
            lock (_partitions)
            {
                lost = [.. _partitions.Values.Where(d => !owned.Contains(d.Partition))];
                foreach (var dispatcher in lost)
                {
                    _partitions.Remove(dispatcher.Partition);
                }

                foreach (var partition in owned.Where(p => !_partitions.ContainsKey(p)))
                {
                    _partitions[partition] = new ControlQueueDispatcher(partition, _engine);
                    _engine.Logger.LogInformation("Worker {WorkerId} owns control partition {Partition}", WorkerId, partition);
                }
            }

            foreach (var dispatcher in lost)
            {
                _engine.Logger.LogInformation("Worker {WorkerId} gave up control partition {Partition}", WorkerId, dispatcher.Partition);
                await dispatcher.DisposeAsync();
            }
        }
        finally
        {
            _balanceGate.Release();
        }
    }
}
