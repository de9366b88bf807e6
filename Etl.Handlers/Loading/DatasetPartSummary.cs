using System.Text.Json.Serialization;

namespace Fractal.Etl.Handlers;

/// <summary>What loading a partition (or combining parts) wrote: rows, Parquet bytes and the distinct features.</summary>
public sealed record DatasetPartSummary(
    [property: JsonPropertyName("row_count")] long RowCount,
    [property: JsonPropertyName("byte_count")] long ByteCount,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features);
