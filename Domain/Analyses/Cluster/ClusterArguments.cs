namespace Fractal.Domain.Analyses.Cluster;

/// <summary>The arguments of <c>compute-cluster</c>.</summary>
/// <param name="RowNames">The name of each row (such as a heatmap's features).</param>
/// <param name="ColumnNames">The name of each column (such as a heatmap's ids).</param>
/// <param name="Values">The <c>data</c> matrix, one array per row; NaN marks a missing value.</param>
/// <param name="Algorithm">The <c>cluster_algo</c>: <c>hclust</c> or <c>kmeans</c>.</param>
/// <param name="Options">The <c>options</c>.</param>
public sealed record ClusterArguments(
    IReadOnlyList<string> RowNames,
    IReadOnlyList<string> ColumnNames,
    IReadOnlyList<double[]> Values,
    string Algorithm,
    ClusterOptions Options);
