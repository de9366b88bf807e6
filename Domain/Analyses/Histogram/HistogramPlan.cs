using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Histogram;

/// <summary>
/// <c>compute-histogram</c> split into independent units: compute each of <see cref="Groups"/> with
/// <see cref="HistogramAnalysis.Statistics"/> (in parallel if wished) and join them with
/// <see cref="HistogramAnalysis.Combine"/>.
/// </summary>
public sealed record HistogramPlan
{
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("num_bins")]
    public required int BinCount { get; init; }

    [JsonPropertyName("bw_factor")]
    public required double BandwidthFactor { get; init; }

    /// <summary>Every group of at least two values: category by category, then subset.</summary>
    [JsonPropertyName("groups")]
    public required IReadOnlyList<HistogramGroupInput> Groups { get; init; }

    [JsonPropertyName("data")]
    public required IReadOnlyList<HistogramPoint> Data { get; init; }

    [JsonPropertyName("dropped_ids")]
    public required IReadOnlyList<string> DroppedIds { get; init; }
}
