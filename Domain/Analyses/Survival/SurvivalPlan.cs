using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Survival;

/// <summary>
/// <c>survival-analysis</c> split into independent units: compute each of <see cref="Groups"/> with
/// <see cref="SurvivalAnalysis.Curve"/> (in parallel if wished) and join them with
/// <see cref="SurvivalAnalysis.Combine"/>, which also runs the log-rank test across the groups.
/// </summary>
public sealed record SurvivalPlan
{
    /// <summary>The durations' name: the feature of a numerical dataset, or <c>time</c> for a time_to_event dataset.</summary>
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("estimator")]
    public required SurvivalEstimator Estimator { get; init; }

    /// <summary>Every non-empty group: category by category, then subset.</summary>
    [JsonPropertyName("groups")]
    public required IReadOnlyList<SurvivalGroupInput> Groups { get; init; }

    [JsonPropertyName("dropped_ids")]
    public required IReadOnlyList<string> DroppedIds { get; init; }

    [JsonPropertyName("censored_without_flag_ids")]
    public required IReadOnlyList<string> CensoredWithoutFlagIds { get; init; }
}
