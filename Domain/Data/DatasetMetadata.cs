using System.Text.Json.Serialization;

namespace Fractal.Domain.Data;

/// <summary>What is known of a loaded dataset, under the JSON names the API serves.</summary>
public sealed record DatasetMetadata
{
    [JsonPropertyName("data_id")]
    public required string DataId { get; init; }

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("data_type")]
    public required string DataTypeName { get; init; }

    [JsonPropertyName("row_count")]
    public long RowCount { get; init; }

    [JsonPropertyName("features")]
    public IReadOnlyList<string> Features { get; init; } = [];

    [JsonPropertyName("handler")]
    public required string Handler { get; init; }

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }
}
