using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Cluster;

/// <summary>
/// The <c>options</c> of <c>compute-cluster</c>: for <c>hclust</c> <c>method</c>, <c>metric</c>,
/// <c>n_row_clusters</c> and <c>n_col_clusters</c>; for <c>kmeans</c> <c>n_row_centroids</c>,
/// <c>n_col_centroids</c> and <c>seed</c> (0 when left out).
/// </summary>
public sealed record ClusterOptions
{
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    [JsonPropertyName("metric")]
    public string? Metric { get; init; }

    [JsonPropertyName("n_row_clusters")]
    public int? RowClusters { get; init; }

    [JsonPropertyName("n_col_clusters")]
    public int? ColumnClusters { get; init; }

    [JsonPropertyName("n_row_centroids")]
    public int? RowCentroids { get; init; }

    [JsonPropertyName("n_col_centroids")]
    public int? ColumnCentroids { get; init; }

    [JsonPropertyName("seed")]
    public int? Seed { get; init; }
}
