using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Histogram;

/// <summary>The output of <c>compute-histogram</c>.</summary>
public sealed record HistogramResult
{
    /// <summary>Every group of at least two values: category by category, then subset.</summary>
    [JsonPropertyName("stats")]
    public required IReadOnlyList<HistogramGroup> Statistics { get; init; }

    [JsonPropertyName("categories")]
    public required IReadOnlyList<string> Categories { get; init; }

    [JsonPropertyName("subsets")]
    public required IReadOnlyList<int> Subsets { get; init; }

    /// <summary>The variable's name.</summary>
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("data")]
    public required IReadOnlyList<HistogramPoint> Data { get; init; }

    /// <summary>Ids dropped because their value is missing.</summary>
    [JsonPropertyName("dropped_ids")]
    public required IReadOnlyList<string> DroppedIds { get; init; }
}
