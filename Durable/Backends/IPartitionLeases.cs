namespace Fractal.Durable.Backends;

/// <summary>
/// Which control partitions this worker owns. Workers announce themselves; partitions are spread
/// evenly over the live workers; a worker that stops renewing loses its partitions when its leases expire.
/// </summary>
public interface IPartitionLeases : IAsyncDisposable
{
    /// <summary>This worker's id.</summary>
    string WorkerId { get; }

    /// <summary>Announces this worker, renews its leases, acquires the partitions it should own and releases the others.</summary>
    /// <returns>The partitions this worker owns now.</returns>
    Task<IReadOnlySet<int>> BalanceAsync(CancellationToken cancellationToken);

    /// <summary>Gives up every lease, so others take over at once.</summary>
    Task ReleaseAllAsync(CancellationToken cancellationToken);
}
