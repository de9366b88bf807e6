using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Data;

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
    ClusterOptions Options)
{
    /// <summary>The arguments for a <c>numerical_array</c> dataset: its features as rows, its ids as columns.</summary>
    /// <exception cref="AnalysisArgumentException">The dataset is not a numerical array, or is empty.</exception>
    public static ClusterArguments FromDataset(DatasetTable data, string algorithm, ClusterOptions options)
    {
        var matrix = FeatureMatrix.Build([data], new AnalysisScope(), "data");
        return new ClusterArguments(matrix.Features, matrix.Ids, matrix.Values, algorithm, options);
    }
}
