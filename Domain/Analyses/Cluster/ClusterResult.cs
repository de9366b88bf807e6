using System.Text.Json.Serialization;
using Fractal.Domain.Statistics.Clustering;

namespace Fractal.Domain.Analyses.Cluster;

/// <summary>
/// The output of <c>compute-cluster</c>: rows and columns with their clusters, sorted by cluster size (biggest
/// first, then by the algorithm's label, highest first) and relabelled so the biggest cluster is 0.
/// </summary>
public sealed record ClusterResult
{
    [JsonPropertyName("row_clusters")]
    public required IReadOnlyList<NamedCluster> RowClusters { get; init; }

    [JsonPropertyName("col_clusters")]
    public required IReadOnlyList<NamedCluster> ColumnClusters { get; init; }

    /// <summary>The rows' linkage (SciPy's linkage matrix rows), for a dendrogram; null for k-means.</summary>
    [JsonPropertyName("row_linkage")]
    public IReadOnlyList<LinkageStep>? RowLinkage { get; init; }

    /// <summary>The columns' linkage, for a dendrogram; null for k-means.</summary>
    [JsonPropertyName("col_linkage")]
    public IReadOnlyList<LinkageStep>? ColumnLinkage { get; init; }
}
