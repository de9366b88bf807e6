using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Volcano;

/// <summary>The output of <c>compute-volcanoplot</c>.</summary>
public sealed record VolcanoResult
{
    /// <summary>One entry per feature, in the order the features first appear in the data.</summary>
    [JsonPropertyName("stats")]
    public required IReadOnlyList<VolcanoFeature> Statistics { get; init; }

    [JsonPropertyName("ranking_method")]
    public required string RankingMethod { get; init; }

    /// <summary>The number of samples in s1 and s2.</summary>
    [JsonPropertyName("subset_sizes")]
    public required IReadOnlyList<int> SubsetSizes { get; init; }
}
