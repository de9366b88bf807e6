using System.Text.Json.Serialization;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Data;

/// <summary>A session's dataset: what was asked for, its ETL state, and once loaded, its metadata.</summary>
public sealed record DatasetRecord
{
    [JsonPropertyName("data_id")]
    public required string DataId { get; init; }

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("data_type")]
    public required string DataTypeName { get; init; }

    [JsonPropertyName("handler")]
    public required string Handler { get; init; }

    [JsonPropertyName("descriptor")]
    public required Descriptor Descriptor { get; init; }

    [JsonPropertyName("etl_state")]
    public string EtlState { get; init; } = Data.EtlState.Submitted;

    [JsonPropertyName("etl_message")]
    public string? EtlMessage { get; init; }

    [JsonPropertyName("row_count")]
    public long RowCount { get; init; }

    [JsonPropertyName("features")]
    public IReadOnlyList<string> Features { get; init; } = [];

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    /// <summary>The ETL orchestration that loads it.</summary>
    [JsonPropertyName("instance_id")]
    public string? InstanceId { get; init; }

    public DatasetMetadata ToMetadata() => new()
    {
        DataId = DataId,
        Label = Label,
        DataTypeName = DataTypeName,
        RowCount = RowCount,
        Features = Features,
        Handler = Handler,
        Created = Created,
    };
}
