using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Volcano;

/// <summary>The arguments of <c>compute-volcanoplot</c>, with its datasets resolved to tables.</summary>
/// <param name="NumericalArrays">The <c>numerical_arrays</c> datasets.</param>
/// <param name="RankingMethod">The <c>ranking_method</c>: <c>limma</c> or <c>welch</c>.</param>
/// <param name="Scope">The <c>id_filter</c> and <c>subsets</c> (two or more for limma, exactly two for Welch).</param>
public sealed record VolcanoArguments(IReadOnlyList<DatasetTable> NumericalArrays, string RankingMethod, AnalysisScope Scope);
