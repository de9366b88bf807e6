namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>Where a line search ended: log α, its iterations, the objective at its start and at its end.</summary>
internal readonly record struct DispersionSearch(double LogAlpha, int Iterations, double InitialLogPosterior, double LastLogPosterior);
