namespace Fractal.Durable.Backends;

/// <summary>A task hub's storage: its queues, its instances and histories, and its partition leases.</summary>
public interface ITaskHubBackend
{
    /// <summary>The hub's name.</summary>
    string HubName { get; }

    ITaskHubQueues Queues { get; }

    IInstanceStore Instances { get; }

    /// <summary>The leases of one worker, identified by <paramref name="workerId"/>.</summary>
    IPartitionLeases CreateLeases(string workerId);

    /// <summary>Creates the tables, queues and containers if they don't exist.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every table, queue and container of the hub.</summary>
    Task DeleteAsync(CancellationToken cancellationToken);
}
