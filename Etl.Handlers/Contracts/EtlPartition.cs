using System.Text.Json.Serialization;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>
/// What one extract activity needs: the source (no secrets), the descriptor and, for big sources,
/// the slice to read. Serialisable; the token and connection strings are supplied at extract time.
/// </summary>
public sealed record EtlPartition(
    [property: JsonPropertyName("source")] EtlSource Source,
    [property: JsonPropertyName("descriptor")] Descriptor Descriptor,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("range")] PartitionRange? Range = null);
