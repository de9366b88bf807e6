using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Histogram;

/// <summary>One value, once per subset it belongs to.</summary>
public sealed record HistogramPoint(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("category")] string? Category);
