using Fractal.Domain.Statistics.Limma;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// A heatmap's or volcano plot's feature matrix as the orchestration needs it: how many features
/// to chunk, the ranking method, and the subset of each column (for limma's cell-means model).
/// </summary>
public sealed record MatrixShape(int FeatureCount, string Method, IReadOnlyList<int> GroupOfColumn, IReadOnlyList<string> GroupNames)
{
    /// <summary>The cell-means design of the columns' subsets.</summary>
    public CellMeansModel Model() => new(GroupOfColumn, GroupNames);
}
