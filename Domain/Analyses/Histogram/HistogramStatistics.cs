using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Histogram;

/// <summary>The histogram and summary of one (category, subset) group, under Fractalis' field names.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record HistogramStatistics
{
    [JsonPropertyName("hist")]
    public required IReadOnlyList<int> Counts { get; init; }

    [JsonPropertyName("bin_edges")]
    public required IReadOnlyList<double> BinEdges { get; init; }

    [JsonPropertyName("mean")]
    public required double Mean { get; init; }

    [JsonPropertyName("median")]
    public required double Median { get; init; }

    /// <summary>The population standard deviation (NumPy's default).</summary>
    [JsonPropertyName("std")]
    public required double StandardDeviation { get; init; }

    /// <summary>The kernel density at 200 points from the minimum to the maximum; empty when undefined.</summary>
    [JsonPropertyName("dist")]
    public required IReadOnlyList<double> Density { get; init; }

    [JsonPropertyName("n")]
    public required int Count { get; init; }

    /// <summary>Why the density is empty; null when it is defined.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
