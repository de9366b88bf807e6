using System.Text.Json.Serialization;
using Fractal.Domain.Statistics.Survival;

namespace Fractal.Domain.Analyses.Survival;

/// <summary>The output of <c>survival-analysis</c>.</summary>
public sealed record SurvivalResult
{
    /// <summary>The durations' name: the feature of a numerical dataset, or <c>time</c> for a time_to_event dataset.</summary>
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    /// <summary>Every non-empty group: category by category, then subset.</summary>
    [JsonPropertyName("stats")]
    public required IReadOnlyList<SurvivalGroup> Statistics { get; init; }

    [JsonPropertyName("categories")]
    public required IReadOnlyList<string> Categories { get; init; }

    [JsonPropertyName("subsets")]
    public required IReadOnlyList<int> Subsets { get; init; }

    [JsonPropertyName("estimator")]
    public required string Estimator { get; init; }

    /// <summary>The log-rank test across all groups in <see cref="Statistics"/>.</summary>
    [JsonPropertyName("logrank")]
    public required LogRankResult LogRank { get; init; }

    /// <summary>Ids dropped because their duration is missing.</summary>
    [JsonPropertyName("dropped_ids")]
    public required IReadOnlyList<string> DroppedIds { get; init; }

    /// <summary>Ids whose event flag is missing, counted as censored (as Fractalis does).</summary>
    [JsonPropertyName("censored_without_flag_ids")]
    public required IReadOnlyList<string> CensoredWithoutFlagIds { get; init; }
}
