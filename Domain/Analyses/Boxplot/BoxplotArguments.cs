using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>The arguments of <c>compute-boxplot</c>, with its datasets resolved to tables.</summary>
public sealed record BoxplotArguments(IReadOnlyList<DatasetTable> Variables, BoxplotTransformation Transformation, AnalysisScope Scope);
