using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Histogram;

/// <summary>One group's histogram: its category, its subset (zero-based) and statistics.</summary>
public sealed record HistogramGroup(
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("statistics")] HistogramStatistics Statistics);
