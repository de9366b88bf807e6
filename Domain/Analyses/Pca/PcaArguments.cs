using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Pca;

/// <summary>The arguments of <c>compute-pca</c>, with its datasets (numerical or numerical arrays) resolved to tables.</summary>
public sealed record PcaArguments(IReadOnlyList<DatasetTable> Features, bool Whiten, AnalysisScope Scope);
