using Fractal.Durable.Backends;

namespace Fractal.Bench.Engine;

/// <summary>A backend whose queue and store calls are timed into a <see cref="StorageOperationLog"/>; leases and setup pass through.</summary>
internal sealed class MeasuredBackend : ITaskHubBackend
{
    private readonly ITaskHubBackend _inner;

    public MeasuredBackend(ITaskHubBackend inner, StorageOperationLog log, CompletionWatcher watcher)
    {
        _inner = inner;
        Queues = new MeasuredQueues(inner.Queues, log);
        Instances = new MeasuredInstanceStore(inner.Instances, log, watcher);
    }

    public string HubName => _inner.HubName;

    public ITaskHubQueues Queues { get; }

    public IInstanceStore Instances { get; }

    public IPartitionLeases CreateLeases(string workerId) => _inner.CreateLeases(workerId);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _inner.EnsureCreatedAsync(cancellationToken);

    public Task DeleteAsync(CancellationToken cancellationToken) => _inner.DeleteAsync(cancellationToken);
}
