using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>The output of <c>compute-heatmap</c>: the top features' cells, their statistics and the clustered orders.</summary>
public sealed record HeatmapResult
{
    /// <summary>One cell per (kept feature, id, subset holding the id).</summary>
    [JsonPropertyName("data")]
    public required IReadOnlyList<HeatmapCell> Data { get; init; }

    /// <summary>The statistics of the kept features, best ranked first.</summary>
    [JsonPropertyName("stats")]
    public required HeatmapStatistics Statistics { get; init; }

    [JsonPropertyName("ranking_method")]
    public required string RankingMethod { get; init; }

    /// <summary>The column of <see cref="Statistics"/> the features are ranked by: the ranking method's, or limma's <c>rank_by</c>.</summary>
    [JsonPropertyName("rank_by")]
    public required string RankBy { get; init; }

    /// <summary>The kept features in the order of the rows' dendrogram (average linkage, Euclidean, on z-scores).</summary>
    [JsonPropertyName("row_order")]
    public required IReadOnlyList<string> RowOrder { get; init; }

    /// <summary>The ids in the order of the columns' dendrogram (average linkage, Euclidean, on z-scores).</summary>
    [JsonPropertyName("col_order")]
    public required IReadOnlyList<string> ColumnOrder { get; init; }

    /// <summary>Features whose z-scores or statistics are NaN, and why.</summary>
    [JsonPropertyName("notes")]
    public required IReadOnlyList<FeatureNote> Notes { get; init; }
}
