using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Volcano;

/// <summary>One point of the volcano plot, under Fractalis' (limma's) column names; s2 compared with s1.</summary>
public sealed record VolcanoFeature
{
    [JsonPropertyName("feature")]
    public required string Feature { get; init; }

    /// <summary>The difference of the subsets' means, s2 − s1 (the data being on a log scale).</summary>
    [JsonPropertyName("logFC")]
    public required double LogFC { get; init; }

    [JsonPropertyName("P.Value")]
    public required double PValue { get; init; }

    /// <summary>The Benjamini–Hochberg adjusted p-value.</summary>
    [JsonPropertyName("adj.P.Val")]
    public required double AdjPValue { get; init; }

    /// <summary>limma's moderated t or Welch's t.</summary>
    [JsonPropertyName("t")]
    public required double T { get; init; }

    /// <summary>limma's log-odds of differential expression; null for Welch.</summary>
    [JsonPropertyName("B")]
    public double? B { get; init; }

    /// <summary>limma's mean of all values; null for Welch.</summary>
    [JsonPropertyName("AveExpr")]
    public double? AveExpr { get; init; }

    /// <summary>Why the statistics are NaN; null when they are defined.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
