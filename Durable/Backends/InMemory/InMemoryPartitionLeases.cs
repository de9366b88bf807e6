namespace Fractal.Durable.Backends.InMemory;

/// <summary>
/// Partition leases among the workers of one process: partitions are dealt round-robin over the
/// workers that have not released, in the order of their ids.
/// </summary>
internal sealed class InMemoryPartitionLeases : IPartitionLeases
{
    private readonly InMemoryLeaseTable _table;

    public InMemoryPartitionLeases(InMemoryLeaseTable table, string workerId)
    {
        _table = table;
        WorkerId = workerId;
    }

    public string WorkerId { get; }

    public Task<IReadOnlySet<int>> BalanceAsync(CancellationToken cancellationToken) => Task.FromResult(_table.Balance(WorkerId));

    public Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        _table.Leave(WorkerId);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _table.Leave(WorkerId);
        return ValueTask.CompletedTask;
    }
}
