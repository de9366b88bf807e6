using System.Runtime.CompilerServices;
using System.Text.Json;
using Fractal.Domain.Data;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// A session's datasets in blob storage: <c>datasets/{session}/{data_id}.json</c> (the record) beside
/// <c>datasets/{session}/{data_id}.parquet</c> (the data, long form).
/// </summary>
public sealed class DatasetRepository
{
    public const string Container = "datasets";
    private readonly IBlobStore _blobs;

    public DatasetRepository(IBlobStore blobs)
    {
        _blobs = blobs;
    }

    public static string ParquetName(string session, string dataId) => $"{session}/{dataId}.parquet";

    public static string RecordName(string session, string dataId) => $"{session}/{dataId}.json";

    public async Task SaveAsync(string session, DatasetRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record));
        await _blobs.UploadAsync(Container, RecordName(session, record.DataId), content, "application/json", cancellationToken);
    }

    /// <summary>
    /// Changes the dataset's record only if nobody else changed or deleted it since it was read, trying
    /// again on a change; a dataset deleted meanwhile stays deleted.
    /// </summary>
    /// <returns>The record as saved, or null when the session has no such dataset (any more).</returns>
    public async Task<DatasetRecord?> UpdateAsync(string session, string dataId, Func<DatasetRecord, DatasetRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!IsSafeId(dataId))
        {
            return null;
        }

        while (true)
        {
            var stored = await _blobs.ReadAllAsync(Container, RecordName(session, dataId), cancellationToken);
            if (stored is null)
            {
                return null;
            }

            var record = change(JsonSerializer.Deserialize<DatasetRecord>(stored.Content)!);
            using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record));
            if (await _blobs.ReplaceAsync(Container, RecordName(session, dataId), content, "application/json", stored.Version, cancellationToken))
            {
                return record;
            }
        }
    }

    /// <summary>The session's dataset, or null when the session has none with that id.</summary>
    public async Task<DatasetRecord?> GetAsync(string session, string dataId, CancellationToken cancellationToken)
    {
        if (!IsSafeId(dataId))
        {
            return null;
        }

        var stored = await _blobs.ReadAllAsync(Container, RecordName(session, dataId), cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize<DatasetRecord>(stored.Content);
    }

    /// <summary>The ids of the session's datasets, from the blob listing alone (no record is read).</summary>
    public async IAsyncEnumerable<string> ListIdsAsync(string session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in _blobs.ListAsync(Container, $"{session}/", cancellationToken))
        {
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                yield return Path.GetFileNameWithoutExtension(name);
            }
        }
    }

    public async IAsyncEnumerable<DatasetRecord> ListAsync(string session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var dataId in ListIdsAsync(session, cancellationToken))
        {
            if (await GetAsync(session, dataId, cancellationToken) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>Deletes the dataset's data and record; false when the session has no such dataset.</summary>
    public async Task<bool> DeleteAsync(string session, string dataId, CancellationToken cancellationToken)
    {
        if (!IsSafeId(dataId))
        {
            return false;
        }

        await _blobs.DeleteAsync(Container, ParquetName(session, dataId), cancellationToken);
        return await _blobs.DeleteAsync(Container, RecordName(session, dataId), cancellationToken);
    }

    /// <summary>The dataset's rows; null when its data is not there.</summary>
    public async Task<DatasetTable?> ReadTableAsync(string session, string dataId, long offset = 0, long? limit = null, CancellationToken cancellationToken = default)
    {
        if (!IsSafeId(dataId))
        {
            return null;
        }

        await using var stream = await _blobs.OpenReadAsync(Container, ParquetName(session, dataId), cancellationToken);
        return stream is null ? null : await ParquetDatasetReader.ReadAsync(stream, offset, limit, cancellationToken);
    }

    private static bool IsSafeId(string dataId) =>
        !string.IsNullOrEmpty(dataId) && dataId.Length <= 64 && dataId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
