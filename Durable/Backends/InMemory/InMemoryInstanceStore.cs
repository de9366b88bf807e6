using System.Globalization;
using Fractal.Durable.History;

namespace Fractal.Durable.Backends.InMemory;

/// <summary>Instances and histories in memory, with the same concurrency rules as the table store.</summary>
internal sealed class InMemoryInstanceStore : IInstanceStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, InstanceRecord> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredHistory> _histories = new(StringComparer.Ordinal);
    private long _version;

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.GetValueOrDefault(instanceId));
        }
    }

    public Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_instances.TryGetValue(record.InstanceId, out var existing) && !existing.IsTerminal)
            {
                return Task.FromResult(false);
            }

            _instances[record.InstanceId] = record;
            _histories.Remove(record.InstanceId);
            return Task.FromResult(true);
        }
    }

    public Task UpsertInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _instances[record.InstanceId] = record;
        }

        return Task.CompletedTask;
    }

    public Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_histories.TryGetValue(instanceId, out var stored)
                ? new OrchestrationHistory(stored.ExecutionId, [.. stored.Events], stored.Checkpoint)
                : OrchestrationHistory.Empty);
        }
    }

    public Task<string> AppendHistoryAsync(
        string instanceId,
        string executionId,
        int committedCount,
        IReadOnlyList<HistoryEvent> newEvents,
        string? expectedCheckpoint,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newEvents);
        lock (_gate)
        {
            _histories.TryGetValue(instanceId, out var stored);
            if (stored?.Checkpoint != expectedCheckpoint)
            {
                throw new HistoryConflictException(instanceId);
            }

            var events = stored is not null && stored.ExecutionId == executionId ? stored.Events.Take(committedCount).ToList() : [];
            events.AddRange(newEvents);
            var checkpoint = (++_version).ToString(CultureInfo.InvariantCulture);
            _histories[instanceId] = new StoredHistory(executionId, events, checkpoint);
            return Task.FromResult(checkpoint);
        }
    }

    public Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var after = query.ContinuationToken;
            var matches = _instances.Values
                .Where(r => after is null || string.CompareOrdinal(r.InstanceId, after) > 0)
                .Where(query.Matches)
                .Take(query.PageSize + 1)
                .ToList();
            var page = matches.Take(query.PageSize).ToList();
            var next = matches.Count > query.PageSize ? page[^1].InstanceId : null;
            return Task.FromResult(new InstancePage(page, next));
        }
    }

    public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _histories.Remove(instanceId);
            return Task.FromResult(_instances.Remove(instanceId));
        }
    }

    private sealed record StoredHistory(string ExecutionId, List<HistoryEvent> Events, string Checkpoint);
}
