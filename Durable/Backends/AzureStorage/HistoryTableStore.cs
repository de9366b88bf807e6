using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Fractal.Durable.History;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>
/// The history table: partition key = instance id, one row per event with row key
/// <c>{executionId}:{sequence:D8}</c>, and a sentinel row whose <c>ExecutionId</c> and <c>EventCount</c>
/// say which rows are committed and whose ETag is the checkpoint every append is checked against.
/// </summary>
internal sealed class HistoryTableStore
{
    /// <summary>Enough to remember the checkpoints of the instances a worker is busy with; cleared when exceeded.</summary>
    private const int MaxRememberedSentinels = 100_000;

    /// <summary>What a row costs on the wire besides its event: keys, property names, the batch's MIME framing.</summary>
    private const int RowOverheadBytes = 1024;

    private const int MaxLoadAttempts = 3;

    private static readonly string[] s_keyColumns = [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)];

    private readonly TableClient _table;
    private readonly LargePayloadStore _payloads;
    private readonly ConcurrentDictionary<string, SentinelState> _sentinels = new(StringComparer.Ordinal);

    public HistoryTableStore(TableClient table, LargePayloadStore payloads)
    {
        _table = table;
        _payloads = payloads;
    }

    /// <summary>The prefix of the blobs that hold the large events of <paramref name="instanceId"/>.</summary>
    public static string BlobPrefix(string instanceId) => $"history/{instanceId}/";

    public async Task<OrchestrationHistory> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxLoadAttempts; attempt++)
        {
            var sentinel = await ReadSentinelAsync(instanceId, cancellationToken);
            if (sentinel is null)
            {
                _sentinels.TryRemove(instanceId, out _);
                return OrchestrationHistory.Empty;
            }

            var rows = sentinel.EventCount == 0
                ? []
                : await QueryRowsAsync(instanceId, RowKey(sentinel.ExecutionId, 0), RowKey(sentinel.ExecutionId, sentinel.EventCount), select: null, cancellationToken);
            if (rows.Count == sentinel.EventCount)
            {
                var events = await Task.WhenAll(rows.Select(r => ReadEventAsync(r, cancellationToken)));
                Remember(instanceId, sentinel);
                return new OrchestrationHistory(sentinel.ExecutionId, events, sentinel.ETag.ToString());
            }

            // A new execution replaced this one while we read it: read the sentinel again.
        }

        throw new InvalidOperationException($"The history of instance '{instanceId}' kept changing while it was read.");
    }

    public async Task<string> AppendAsync(
        string instanceId,
        string executionId,
        int committedCount,
        IReadOnlyList<HistoryEvent> newEvents,
        string? expectedCheckpoint,
        CancellationToken cancellationToken)
    {
        var previous = await ResolveCheckpointAsync(instanceId, expectedCheckpoint, cancellationToken);
        var sameExecution = previous is not null && previous.ExecutionId == executionId;
        var start = sameExecution ? Math.Clamp(committedCount, 0, previous!.EventCount) : 0;
        var rows = await BuildRowsAsync(instanceId, executionId, start, newEvents, cancellationToken);
        var groups = HistoryTransactionPlanner.Plan(rows);

        var etag = previous?.ETag;
        try
        {
            for (var i = 0; i < groups.Count; i++)
            {
                var isLast = i == groups.Count - 1;
                var sentinel = isLast || etag is null
                    ? SentinelEntity(instanceId, executionId, isLast ? start + newEvents.Count : 0)
                    : new TableEntity(instanceId, TableColumns.SentinelRowKey);
                var sentinelAction = etag is not { } current
                    ? new TableTransactionAction(TableTransactionActionType.Add, sentinel)
                    : new TableTransactionAction(isLast ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge, sentinel, current);
                etag = await SubmitAsync(instanceId, sentinelAction, groups[i], cancellationToken);
            }
        }
        catch (HistoryConflictException)
        {
            // No committed row names these blobs: rows past the sentinel's count are never read.
            await Task.WhenAll(rows.Select(r => r.Entity.GetString(TableColumns.Event + TableColumns.BlobSuffix)).OfType<string>()
                .Select(name => _payloads.DeleteAsync(name, CancellationToken.None)));
            throw;
        }

        var committed = new SentinelState(etag!.Value, executionId, start + newEvents.Count);
        Remember(instanceId, committed);
        if (previous is not null && !sameExecution)
        {
            await DeleteExecutionAsync(instanceId, previous.ExecutionId, cancellationToken);
        }

        return committed.ETag.ToString();
    }

    /// <summary>Deletes every history row and history blob of the instance.</summary>
    public async Task DeleteAllAsync(string instanceId, CancellationToken cancellationToken)
    {
        _sentinels.TryRemove(instanceId, out _);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        var rows = await QueryAsync(filter, s_keyColumns, cancellationToken);
        await Task.WhenAll(DeleteRowsAsync(rows, cancellationToken), _payloads.DeleteAllAsync(BlobPrefix(instanceId), cancellationToken));
    }

    private async Task<ETag> SubmitAsync(string instanceId, TableTransactionAction sentinelAction, IReadOnlyList<HistoryRow> rows, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(rows.Count + 1) { sentinelAction };
        actions.AddRange(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r.Entity)));
        try
        {
            var responses = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return responses.Value[0].Headers.ETag ?? await ReadSentinelETagAsync(instanceId, cancellationToken);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConcurrencyConflict(e))
        {
            _sentinels.TryRemove(instanceId, out _);
            throw new HistoryConflictException(instanceId);
        }
    }

    private async Task<ETag> ReadSentinelETagAsync(string instanceId, CancellationToken cancellationToken) =>
        (await ReadSentinelAsync(instanceId, cancellationToken))?.ETag ?? throw new HistoryConflictException(instanceId);

    /// <summary>The sentinel that <paramref name="expectedCheckpoint"/> names, or null for none; a conflict when it is not current.</summary>
    private async Task<SentinelState?> ResolveCheckpointAsync(string instanceId, string? expectedCheckpoint, CancellationToken cancellationToken)
    {
        if (expectedCheckpoint is null)
        {
            return null;
        }

        if (_sentinels.TryGetValue(instanceId, out var known) && known.ETag.ToString() == expectedCheckpoint)
        {
            // The transaction's If-Match still guards this: the remembered state is only trusted for its ETag.
            return known;
        }

        var current = await ReadSentinelAsync(instanceId, cancellationToken);
        return current is not null && current.ETag.ToString() == expectedCheckpoint ? current : throw new HistoryConflictException(instanceId);
    }

    private async Task<SentinelState?> ReadSentinelAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, TableColumns.SentinelRowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        return new SentinelState(entity.ETag, entity.GetString(TableColumns.ExecutionId) ?? string.Empty, entity.GetInt32(TableColumns.EventCount) ?? 0);
    }

    private async Task<IReadOnlyList<HistoryRow>> BuildRowsAsync(string instanceId, string executionId, int start, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken)
    {
        var rows = new HistoryRow[events.Count];
        var uploads = new List<Task>();
        for (var i = 0; i < events.Count; i++)
        {
            var entity = new TableEntity(instanceId, RowKey(executionId, start + i))
            {
                [TableColumns.EventType] = HistoryEventJson.TypeName(events[i]),
            };
            var json = HistoryEventJson.Serialize(events[i]);
            var bytes = RowOverheadBytes;
            if (json.Length <= TableColumns.MaxInlineChars)
            {
                entity[TableColumns.Event] = json;
                bytes += Encoding.UTF8.GetByteCount(json);
            }
            else
            {
                var blobName = $"{BlobPrefix(instanceId)}{executionId}/{Guid.NewGuid():N}";
                entity[TableColumns.Event + TableColumns.BlobSuffix] = blobName;
                uploads.Add(_payloads.UploadAsync(blobName, BinaryData.FromString(json), cancellationToken));
            }

            rows[i] = new HistoryRow(entity, bytes);
        }

        await Task.WhenAll(uploads);
        return rows;
    }

    private async Task<HistoryEvent> ReadEventAsync(TableEntity row, CancellationToken cancellationToken)
    {
        if (row.GetString(TableColumns.Event) is { } json)
        {
            return HistoryEventJson.Deserialize(json);
        }

        var blobName = row.GetString(TableColumns.Event + TableColumns.BlobSuffix)
            ?? throw new InvalidOperationException($"History row '{row.RowKey}' of instance '{row.PartitionKey}' holds no event.");
        var content = await _payloads.DownloadAsync(blobName, cancellationToken)
            ?? throw new InvalidOperationException($"History row '{row.RowKey}' of instance '{row.PartitionKey}' names blob '{blobName}', which does not exist.");
        return HistoryEventJson.Deserialize(content);
    }

    /// <summary>Best effort: the rows of an execution that a new one replaced are no longer read, only kept.</summary>
    private async Task DeleteExecutionAsync(string instanceId, string executionId, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await QueryRowsAsync(instanceId, executionId + ":", executionId + ";", s_keyColumns, cancellationToken);
            await Task.WhenAll(
                DeleteRowsAsync(rows, cancellationToken),
                _payloads.DeleteAllAsync($"{BlobPrefix(instanceId)}{executionId}/", cancellationToken));
        }
        catch (RequestFailedException)
        {
            // Left for the purge: the sentinel no longer names these rows, so nothing reads them.
        }
    }

    private async Task DeleteRowsAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(HistoryTransactionPlanner.MaxRowsPerTransaction + 1))
        {
            try
            {
                await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Someone deleted one of them first; delete the rest one by one, which tolerates missing rows.
                await Task.WhenAll(chunk.Select(r => _table.DeleteEntityAsync(r.PartitionKey, r.RowKey, ETag.All, cancellationToken)));
            }
        }
    }

    private Task<IReadOnlyList<TableEntity>> QueryRowsAsync(string instanceId, string fromRowKey, string toRowKey, IEnumerable<string>? select, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {fromRowKey} and RowKey lt {toRowKey}"), select, cancellationToken);

    private async Task<IReadOnlyList<TableEntity>> QueryAsync(string filter, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private void Remember(string instanceId, SentinelState sentinel)
    {
        if (_sentinels.Count >= MaxRememberedSentinels)
        {
            _sentinels.Clear();
        }

        _sentinels[instanceId] = sentinel;
    }

    private static TableEntity SentinelEntity(string instanceId, string executionId, int eventCount) =>
        new(instanceId, TableColumns.SentinelRowKey)
        {
            [TableColumns.ExecutionId] = executionId,
            [TableColumns.EventCount] = eventCount,
        };

    private static string RowKey(string executionId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{executionId}:{sequence:D8}");
}
