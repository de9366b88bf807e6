using Fractal.Durable.History;

namespace Fractal.Durable.Backends;

/// <summary>The instances table and the event-sourced history of each instance.</summary>
public interface IInstanceStore
{
    /// <summary>The instance's row, or null when there is none.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a Pending row for a new instance; false when an instance with that id exists and has
    /// not ended (a terminal one is replaced, with its history).
    /// </summary>
    Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellationToken);

    /// <summary>Writes the instance's row as the engine last saw it.</summary>
    Task UpsertInstanceAsync(InstanceRecord record, CancellationToken cancellationToken);

    /// <summary>The committed history of the instance's current execution.</summary>
    Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="newEvents"/> after the <paramref name="committedCount"/> events of
    /// execution <paramref name="executionId"/>, all or nothing, if the history is still at
    /// <paramref name="expectedCheckpoint"/>; a new execution id starts a fresh history.
    /// </summary>
    /// <returns>The new checkpoint.</returns>
    /// <exception cref="HistoryConflictException">The history moved on since it was loaded.</exception>
    Task<string> AppendHistoryAsync(
        string instanceId,
        string executionId,
        int committedCount,
        IReadOnlyList<HistoryEvent> newEvents,
        string? expectedCheckpoint,
        CancellationToken cancellationToken);

    /// <summary>One page of the instances that match <paramref name="query"/>, ordered by id.</summary>
    Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the instance's row and history; false when there was none.</summary>
    Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken);
}
