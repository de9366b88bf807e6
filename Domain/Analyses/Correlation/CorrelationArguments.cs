using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Correlation;

/// <summary>The arguments of <c>compute-correlation</c>, with its datasets resolved to tables.</summary>
public sealed record CorrelationArguments(DatasetTable X, DatasetTable Y, CorrelationMethod Method, AnalysisScope Scope);
