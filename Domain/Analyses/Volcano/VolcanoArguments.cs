using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Volcano;

/// <summary>The arguments of <c>compute-volcanoplot</c>, with its datasets resolved to tables.</summary>
/// <param name="NumericalArrays">The <c>numerical_arrays</c> datasets.</param>
/// <param name="RankingMethod">The <c>ranking_method</c>: <c>limma</c>, <c>welch</c> or <c>DESeq2</c>.</param>
/// <param name="Scope">The <c>id_filter</c> and <c>subsets</c> (two or more for limma, exactly two for Welch and DESeq2).</param>
/// <param name="MinTotalRowCount">For DESeq2, the <c>min_total_row_count</c> a feature's counts must reach to be tested.</param>
public sealed record VolcanoArguments(IReadOnlyList<DatasetTable> NumericalArrays, string RankingMethod, AnalysisScope Scope, int MinTotalRowCount = 0);
