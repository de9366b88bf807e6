using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>The arguments of <c>compute-heatmap</c>, with its datasets resolved to tables.</summary>
/// <param name="NumericalArrays">The <c>numerical_arrays</c> datasets.</param>
/// <param name="RankingMethod">The <c>ranking_method</c>: <c>mean</c>, <c>median</c>, <c>variance</c> or <c>limma</c>.</param>
/// <param name="MaxRows">The <c>max_rows</c>: how many top-ranked features to keep.</param>
/// <param name="Scope">The <c>id_filter</c> and <c>subsets</c>.</param>
/// <param name="RankBy">The <c>rank_by</c>: with <c>limma</c>, the column of its table to rank by (see <see cref="LimmaRankColumns"/>).</param>
public sealed record HeatmapArguments(
    IReadOnlyList<DatasetTable> NumericalArrays, string RankingMethod, int MaxRows, AnalysisScope Scope, string RankBy = LimmaRankColumns.PValue);
