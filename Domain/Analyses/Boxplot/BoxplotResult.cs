using System.Text.Json.Serialization;
using Fractal.Domain.Statistics.Anova;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>The output of <c>compute-boxplot</c>.</summary>
public sealed record BoxplotResult
{
    /// <summary>Every group of at least two values: feature by feature, then category, then subset.</summary>
    [JsonPropertyName("statistics")]
    public required IReadOnlyList<BoxplotGroup> Statistics { get; init; }

    [JsonPropertyName("features")]
    public required IReadOnlyList<string> Features { get; init; }

    [JsonPropertyName("categories")]
    public required IReadOnlyList<string> Categories { get; init; }

    [JsonPropertyName("subsets")]
    public required IReadOnlyList<int> Subsets { get; init; }

    /// <summary>One-way ANOVA across all groups in <see cref="Statistics"/>.</summary>
    [JsonPropertyName("anova")]
    public required AnovaResult Anova { get; init; }

    [JsonPropertyName("transformation")]
    public required string Transformation { get; init; }

    /// <summary>Every value kept: the points of each box, group by group, then those of the groups of one value.</summary>
    [JsonPropertyName("data")]
    public required IReadOnlyList<BoxplotPoint> Data { get; init; }

    /// <summary>Values (id, feature) dropped because they are missing.</summary>
    [JsonPropertyName("dropped_missing")]
    public required int DroppedMissing { get; init; }

    /// <summary>Values dropped because the transformation leaves them undefined or infinite (non-positive under a logarithm).</summary>
    [JsonPropertyName("dropped_by_transformation")]
    public required int DroppedByTransformation { get; init; }
}
