using System.Text.Json;
using Azure.Data.Tables;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>
/// Maps <see cref="InstanceRecord"/> to a row of the instances table (partition key = instance id,
/// row key empty) and back; text values too long for a property are kept in blobs that the row names.
/// </summary>
internal sealed class InstanceEntityMapper
{
    private static readonly string[] s_largeColumns = [TableColumns.Input, TableColumns.Output, TableColumns.CustomStatus, TableColumns.FailureDetails];

    /// <summary>Azure Tables stores no date before this one; earlier values (an unset time) are left out.</summary>
    private static readonly DateTime s_earliestStorableTime = new(1601, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    private readonly LargePayloadStore _payloads;

    public InstanceEntityMapper(LargePayloadStore payloads)
    {
        _payloads = payloads;
    }

    /// <summary>The prefix of the blobs that hold the large values of <paramref name="instanceId"/>'s row.</summary>
    public static string BlobPrefix(string instanceId) => $"instances/{instanceId}/";

    /// <summary>The blobs that <paramref name="entity"/> refers to.</summary>
    public static IEnumerable<string> BlobNames(TableEntity entity) =>
        s_largeColumns.Select(c => entity.GetString(c + TableColumns.BlobSuffix)).OfType<string>();

    /// <summary>The row for <paramref name="record"/>, after uploading its large values to blobs.</summary>
    public async Task<TableEntity> ToEntityAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(record.InstanceId, string.Empty)
        {
            [TableColumns.Name] = record.Name,
            [TableColumns.ExecutionId] = record.ExecutionId,
            [TableColumns.RuntimeStatus] = record.RuntimeStatus.ToString(),
        };
        SetIfNotNull(entity, TableColumns.ParentInstanceId, record.ParentInstanceId);
        SetTime(entity, TableColumns.CreatedTime, record.CreatedTime);
        SetTime(entity, TableColumns.LastUpdatedTime, record.LastUpdatedTime);
        if (record.CompletedTime is { } completed)
        {
            SetTime(entity, TableColumns.CompletedTime, completed);
        }

        var texts = new (string Column, string? Value)[]
        {
            (TableColumns.Input, record.Input),
            (TableColumns.Output, record.Output),
            (TableColumns.CustomStatus, record.CustomStatus),
            (TableColumns.FailureDetails, record.FailureDetails is null ? null : JsonSerializer.Serialize(record.FailureDetails)),
        };
        var uploads = new List<Task>();
        foreach (var (column, value) in texts)
        {
            if (value is null)
            {
                continue;
            }

            if (value.Length <= TableColumns.MaxInlineChars)
            {
                entity[column] = value;
                continue;
            }

            var blobName = $"{BlobPrefix(record.InstanceId)}{column}-{Guid.NewGuid():N}";
            entity[column + TableColumns.BlobSuffix] = blobName;
            uploads.Add(_payloads.UploadAsync(blobName, BinaryData.FromString(value), cancellationToken));
        }

        await Task.WhenAll(uploads);
        return entity;
    }

    /// <summary>The record that <paramref name="entity"/> holds, reading its large values from their blobs.</summary>
    public async Task<InstanceRecord> ToRecordAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var texts = await Task.WhenAll(s_largeColumns.Select(c => ReadTextAsync(entity, c, cancellationToken)));
        return new InstanceRecord
        {
            InstanceId = entity.PartitionKey,
            Name = entity.GetString(TableColumns.Name) ?? string.Empty,
            ExecutionId = entity.GetString(TableColumns.ExecutionId) ?? string.Empty,
            RuntimeStatus = Enum.Parse<OrchestrationRuntimeStatus>(entity.GetString(TableColumns.RuntimeStatus) ?? nameof(OrchestrationRuntimeStatus.Pending)),
            Input = texts[0],
            Output = texts[1],
            CustomStatus = texts[2],
            FailureDetails = texts[3] is null ? null : JsonSerializer.Deserialize<TaskFailureDetails>(texts[3]!),
            CreatedTime = GetTime(entity, TableColumns.CreatedTime) ?? default,
            LastUpdatedTime = GetTime(entity, TableColumns.LastUpdatedTime) ?? default,
            CompletedTime = GetTime(entity, TableColumns.CompletedTime),
            ParentInstanceId = entity.GetString(TableColumns.ParentInstanceId),
        };
    }

    private async Task<string?> ReadTextAsync(TableEntity entity, string column, CancellationToken cancellationToken)
    {
        if (entity.GetString(column) is { } inline)
        {
            return inline;
        }

        if (entity.GetString(column + TableColumns.BlobSuffix) is not { } blobName)
        {
            return null;
        }

        var content = await _payloads.DownloadAsync(blobName, cancellationToken)
            ?? throw new InvalidOperationException($"The {column} of instance '{entity.PartitionKey}' is stored in blob '{blobName}', which does not exist.");
        return content.ToString();
    }

    private static void SetIfNotNull(TableEntity entity, string column, string? value)
    {
        if (value is not null)
        {
            entity[column] = value;
        }
    }

    private static void SetTime(TableEntity entity, string column, DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        if (utc >= s_earliestStorableTime)
        {
            entity[column] = new DateTimeOffset(utc);
        }
    }

    private static DateTime? GetTime(TableEntity entity, string column) => entity.GetDateTimeOffset(column)?.UtcDateTime;
}
