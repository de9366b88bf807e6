using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>
/// <c>compute-boxplot</c> split into independent units: compute each of <see cref="Groups"/> with
/// <see cref="BoxplotAnalysis.Statistics"/> (in parallel if wished) and join them with
/// <see cref="BoxplotAnalysis.Combine"/>, which also runs the ANOVA across the groups.
/// </summary>
public sealed record BoxplotPlan
{
    [JsonPropertyName("transformation")]
    public required BoxplotTransformation Transformation { get; init; }

    /// <summary>Every group of at least two values: feature by feature, then category, then subset.</summary>
    [JsonPropertyName("groups")]
    public required IReadOnlyList<BoxplotGroupInput> Groups { get; init; }

    /// <summary>Every group of one value: no box, but its point is listed in the result's data.</summary>
    [JsonPropertyName("singles")]
    public required IReadOnlyList<BoxplotGroupInput> Singles { get; init; }

    [JsonPropertyName("dropped_missing")]
    public required int DroppedMissing { get; init; }

    [JsonPropertyName("dropped_by_transformation")]
    public required int DroppedByTransformation { get; init; }
}
