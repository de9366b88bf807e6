using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Volcano;

/// <summary>
/// One point of the volcano plot, under Fractalis' (limma's) column names. With two subsets it compares s2 with s1
/// (<see cref="LogFC"/>, <see cref="T"/> and, for limma, <see cref="B"/>). With three or more (limma only) it is
/// limma's moderated F test over every pairwise contrast, as <c>topTable</c> gives it: one difference per contrast
/// in <see cref="LogFCs"/>, <see cref="AveExpr"/>, <see cref="F"/>, and <see cref="PValue"/> and
/// <see cref="AdjPValue"/> of the F; <see cref="LogFC"/> and <see cref="T"/> are then NaN, there being no single
/// difference, and <see cref="B"/> is null. The F-test fields are null, and left out of the JSON, for two subsets.
/// For DESeq2, <see cref="LogFC"/> is the log2 fold change, <see cref="T"/> the Wald statistic, and
/// <see cref="BaseMean"/> and <see cref="LfcSE"/> are set.
/// </summary>
public sealed record VolcanoFeature
{
    [JsonPropertyName("feature")]
    public required string Feature { get; init; }

    /// <summary>The difference of the subsets' means, s2 − s1 (the data being on a log scale), or DESeq2's log2 fold change; NaN for three or more subsets.</summary>
    [JsonPropertyName("logFC")]
    public required double LogFC { get; init; }

    /// <summary>The p-value of the t (two subsets) or of the F (three or more).</summary>
    [JsonPropertyName("P.Value")]
    public required double PValue { get; init; }

    /// <summary>The Benjamini–Hochberg adjusted p-value.</summary>
    [JsonPropertyName("adj.P.Val")]
    public required double AdjPValue { get; init; }

    /// <summary>limma's moderated t, Welch's t or DESeq2's Wald statistic; NaN for three or more subsets.</summary>
    [JsonPropertyName("t")]
    public required double T { get; init; }

    /// <summary>limma's log-odds of differential expression; null for Welch and for three or more subsets.</summary>
    [JsonPropertyName("B")]
    public double? B { get; init; }

    /// <summary>limma's mean of all values; null for Welch.</summary>
    [JsonPropertyName("AveExpr")]
    public double? AveExpr { get; init; }

    /// <summary>limma's moderated F over every pairwise contrast, for three or more subsets; null for two.</summary>
    [JsonPropertyName("F")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? F { get; init; }

    /// <summary>
    /// For three or more subsets, the difference of means of each contrast, in the order of
    /// <see cref="VolcanoResult.Contrasts"/> (limma's <c>topTable</c> columns); null for two.
    /// </summary>
    [JsonPropertyName("logFCs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? LogFCs { get; init; }

    /// <summary>DESeq2's mean of the normalized counts over all samples; null for the other methods.</summary>
    [JsonPropertyName("baseMean")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? BaseMean { get; init; }

    /// <summary>The standard error of DESeq2's log2 fold change; null for the other methods.</summary>
    [JsonPropertyName("lfcSE")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LfcSE { get; init; }

    /// <summary>Why the statistics are NaN; null when they are defined.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
