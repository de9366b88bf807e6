namespace Fractal.Durable.Backends.InMemory;

/// <summary>A task hub in this process's memory: for unit tests and for running with no storage configured.</summary>
public sealed class InMemoryTaskHubBackend : ITaskHubBackend
{
    private readonly InMemoryTaskHubQueues _queues;
    private readonly InMemoryLeaseTable _leases;

    public InMemoryTaskHubBackend(string hubName = "TestHub", int partitionCount = 4, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        HubName = hubName;
        _queues = new InMemoryTaskHubQueues(hubName, partitionCount, time ?? TimeProvider.System);
        _leases = new InMemoryLeaseTable(partitionCount);
        Instances = new InMemoryInstanceStore();
    }

    public string HubName { get; }

    public ITaskHubQueues Queues => _queues;

    public IInstanceStore Instances { get; }

    /// <summary>The number of messages in the poison queue.</summary>
    public int PoisonCount => _queues.Poison.Count;

    public IPartitionLeases CreateLeases(string workerId) => new InMemoryPartitionLeases(_leases, workerId);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
