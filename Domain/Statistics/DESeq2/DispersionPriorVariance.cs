using Fractal.Domain.Statistics.Limma;

namespace Fractal.Domain.Statistics.DESeq2;

// Temporary stand-in until the helper's version is merged.
public static class DispersionPriorVariance
{
    public static double Estimate(IReadOnlyList<double> logDispersionResiduals, int residualDegreesOfFreedom)
    {
        var median = SizeFactors.Median([.. logDispersionResiduals]);
        var mad = 1.4826 * SizeFactors.Median([.. logDispersionResiduals.Select(r => Math.Abs(r - median))]);
        return Math.Max((mad * mad) - Polygamma.Trigamma(residualDegreesOfFreedom / 2.0), 0.25);
    }
}
