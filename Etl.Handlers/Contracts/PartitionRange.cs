using System.Text.Json.Serialization;

namespace Fractal.Etl.Handlers;

/// <summary>
/// The slice of the source one partition reads, as invariant text the handler parses: a key range for
/// postgres, a time range for elasticsearch. <see cref="Lower"/> is inclusive; <see cref="Upper"/> is
/// exclusive unless <see cref="UpperInclusive"/> (the last slice).
/// </summary>
public sealed record PartitionRange(
    [property: JsonPropertyName("lower")] string Lower,
    [property: JsonPropertyName("upper")] string Upper,
    [property: JsonPropertyName("upper_inclusive")] bool UpperInclusive);
