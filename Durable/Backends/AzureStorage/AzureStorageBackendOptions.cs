namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>How an <see cref="AzureStorageTaskHubBackend"/> lays out and leases its task hub.</summary>
public sealed record AzureStorageBackendOptions
{
    private readonly int _partitionCount = 4;
    private readonly TimeSpan _leaseDuration = TimeSpan.FromSeconds(30);
    private readonly TimeSpan? _workerTimeout;
    private readonly int _largeMessageThreshold = 45 * 1024;

    /// <summary>The number of control-queue partitions, 1 to 16; every worker on a hub must agree on it.</summary>
    public int PartitionCount
    {
        get => _partitionCount;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 16);
            _partitionCount = value;
        }
    }

    /// <summary>How long a partition lease lasts without renewal, 15 to 60 seconds as blob leases allow.</summary>
    public TimeSpan LeaseDuration
    {
        get => _leaseDuration;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromSeconds(15));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromSeconds(60));
            _leaseDuration = value;
        }
    }

    /// <summary>How long a worker counts as live after its last heartbeat; twice the lease duration unless set.</summary>
    public TimeSpan WorkerTimeout
    {
        get => _workerTimeout ?? (_leaseDuration * 2);
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _workerTimeout = value;
        }
    }

    /// <summary>Queue message bodies larger than this many bytes are stored as blobs and referenced.</summary>
    public int LargeMessageThreshold
    {
        get => _largeMessageThreshold;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1024);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 60 * 1024);
            _largeMessageThreshold = value;
        }
    }
}
