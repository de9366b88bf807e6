using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Volcano;

/// <summary>
/// The output of <c>compute-volcanoplot</c>: a t test of s2 against s1 for two subsets, limma's moderated F test
/// over every pairwise contrast for three or more (then <see cref="Contrasts"/> names the contrasts).
/// </summary>
public sealed record VolcanoResult
{
    /// <summary>One entry per feature, in the order the features first appear in the data.</summary>
    [JsonPropertyName("stats")]
    public required IReadOnlyList<VolcanoFeature> Statistics { get; init; }

    [JsonPropertyName("ranking_method")]
    public required string RankingMethod { get; init; }

    /// <summary>The number of samples in each subset, s1 first.</summary>
    [JsonPropertyName("subset_sizes")]
    public required IReadOnlyList<int> SubsetSizes { get; init; }

    /// <summary>
    /// For three or more subsets, the pairwise contrasts as limma names them (<c>s3-s1</c>, <c>s3-s2</c>,
    /// <c>s2-s1</c>, …: for each subset from the last down, minus each subset before it), the order of every
    /// feature's <see cref="VolcanoFeature.LogFCs"/>; null for two subsets.
    /// </summary>
    [JsonPropertyName("contrasts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Contrasts { get; init; }

    /// <summary>Whether the features carry limma's F test (three or more subsets) rather than a t test of s2 against s1.</summary>
    [JsonIgnore]
    public bool IsFTest => Contrasts is not null;
}
