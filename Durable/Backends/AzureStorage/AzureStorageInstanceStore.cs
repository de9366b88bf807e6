using Azure;
using Azure.Data.Tables;
using Fractal.Durable.History;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>Instances in the <c>{hub}Instances</c> table and their histories in the <c>{hub}History</c> table.</summary>
internal sealed class AzureStorageInstanceStore : IInstanceStore
{
    private const int MaxCreateAttempts = 5;

    private readonly TableClient _instances;
    private readonly HistoryTableStore _history;
    private readonly InstanceEntityMapper _mapper;
    private readonly LargePayloadStore _payloads;

    public AzureStorageInstanceStore(TableClient instances, TableClient history, LargePayloadStore payloads)
    {
        _instances = instances;
        _payloads = payloads;
        _mapper = new InstanceEntityMapper(payloads);
        _history = new HistoryTableStore(history, payloads);
    }

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var entity = await GetEntityAsync(instanceId, cancellationToken);
        return entity is null ? null : await _mapper.ToRecordAsync(entity, cancellationToken);
    }

    public async Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = await _mapper.ToEntityAsync(record, cancellationToken);
        for (var attempt = 0; attempt < MaxCreateAttempts; attempt++)
        {
            try
            {
                await _instances.AddEntityAsync(entity, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // An instance with this id exists: replace it only if it has ended.
            }

            var existing = await GetEntityAsync(record.InstanceId, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (!IsTerminal(existing))
            {
                await DeleteBlobsAsync(InstanceEntityMapper.BlobNames(entity), cancellationToken);
                return false;
            }

            try
            {
                await _instances.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                continue;
            }

            await _history.DeleteAllAsync(record.InstanceId, cancellationToken);
            await DeleteBlobsAsync(InstanceEntityMapper.BlobNames(existing), cancellationToken);
            return true;
        }

        throw new InvalidOperationException($"Instance '{record.InstanceId}' kept changing while it was being created.");
    }

    public async Task UpsertInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = await _mapper.ToEntityAsync(record, cancellationToken);
        await _instances.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return _history.LoadAsync(instanceId, cancellationToken);
    }

    public Task<string> AppendHistoryAsync(
        string instanceId,
        string executionId,
        int committedCount,
        IReadOnlyList<HistoryEvent> newEvents,
        string? expectedCheckpoint,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        ArgumentNullException.ThrowIfNull(executionId);
        ArgumentNullException.ThrowIfNull(newEvents);
        return _history.AppendAsync(instanceId, executionId, committedCount, newEvents, expectedCheckpoint, cancellationToken);
    }

    public async Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        var filter = InstanceQueryFilter.Build(query);
        var wanted = query.PageSize + 1;
        var entities = new List<TableEntity>(wanted);
        await foreach (var page in _instances.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(wanted, 1000), cancellationToken: cancellationToken).AsPages())
        {
            entities.AddRange(page.Values.Take(wanted - entities.Count));
            if (entities.Count >= wanted)
            {
                break;
            }
        }

        var records = await Task.WhenAll(entities.Take(query.PageSize).Select(e => _mapper.ToRecordAsync(e, cancellationToken)));
        var next = entities.Count > query.PageSize ? records[^1].InstanceId : null;
        return new InstancePage(records, next);
    }

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await Task.WhenAll(
            _history.DeleteAllAsync(instanceId, cancellationToken),
            _payloads.DeleteAllAsync(InstanceEntityMapper.BlobPrefix(instanceId), cancellationToken));
        var deleted = await _instances.DeleteEntityAsync(instanceId, string.Empty, ETag.All, cancellationToken);
        return deleted.Status != 404;
    }

    private async Task<TableEntity?> GetEntityAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await _instances.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private Task DeleteBlobsAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken) =>
        Task.WhenAll(blobNames.Select(name => _payloads.DeleteAsync(name, cancellationToken)));

    private static bool IsTerminal(TableEntity entity) =>
        entity.GetString(TableColumns.RuntimeStatus) is nameof(OrchestrationRuntimeStatus.Completed)
            or nameof(OrchestrationRuntimeStatus.Failed)
            or nameof(OrchestrationRuntimeStatus.Terminated);
}
