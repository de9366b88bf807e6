using Fractal.Durable.Backends;
using Fractal.Durable.History;

namespace Fractal.Bench.Engine;

/// <summary>An instance store that times each call and reports terminal rows to a <see cref="CompletionWatcher"/>.</summary>
internal sealed class MeasuredInstanceStore : IInstanceStore
{
    private readonly IInstanceStore _inner;
    private readonly StorageOperationLog _log;
    private readonly CompletionWatcher _watcher;

    public MeasuredInstanceStore(IInstanceStore inner, StorageOperationLog log, CompletionWatcher watcher)
    {
        _inner = inner;
        _log = log;
        _watcher = watcher;
    }

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        var record = await _inner.GetInstanceAsync(instanceId, cancellationToken);
        _log.Stop("instance.get", started);
        return record;
    }

    public async Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        var created = await _inner.TryCreateInstanceAsync(record, cancellationToken);
        _log.Stop("instance.create", started);
        return created;
    }

    public async Task UpsertInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        await _inner.UpsertInstanceAsync(record, cancellationToken);
        _log.Stop("instance.upsert", started);
        _watcher.Written(record);
    }

    public async Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        var history = await _inner.LoadHistoryAsync(instanceId, cancellationToken);
        _log.Stop("history.load", started);
        return history;
    }

    public async Task<string> AppendHistoryAsync(
        string instanceId,
        string executionId,
        int committedCount,
        IReadOnlyList<HistoryEvent> newEvents,
        string? expectedCheckpoint,
        CancellationToken cancellationToken)
    {
        var started = StorageOperationLog.Start();
        var checkpoint = await _inner.AppendHistoryAsync(instanceId, executionId, committedCount, newEvents, expectedCheckpoint, cancellationToken);
        _log.Stop("history.append", started);
        return checkpoint;
    }

    public Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken) => _inner.QueryAsync(query, cancellationToken);

    public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken) => _inner.PurgeAsync(instanceId, cancellationToken);
}
