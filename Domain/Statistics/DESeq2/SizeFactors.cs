using Fractal.Domain.Statistics.Limma;

namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2's median-of-ratios size factors (<c>estimateSizeFactorsForMatrix</c>): per sample, the median over the
/// genes with no zero count of the ratio of its count to the gene's geometric mean, on the log scale.
/// </summary>
internal static class SizeFactors
{
    /// <exception cref="ArgumentException">Every gene has a zero count, so no geometric mean is positive.</exception>
    public static double[] MedianOfRatios(IReadOnlyList<double[]> counts, int samples)
    {
        var logGeometricMeans = counts.Select(row => row.Select(c => Math.Log(c)).Average()).ToArray();
        if (logGeometricMeans.All(double.IsInfinity))
        {
            throw new ArgumentException("Every feature has a zero count in some sample, so DESeq2's size factors (median of ratios) cannot be computed.", nameof(counts));
        }

        var factors = new double[samples];
        for (var j = 0; j < samples; j++)
        {
            var ratios = new List<double>();
            for (var i = 0; i < counts.Count; i++)
            {
                if (double.IsFinite(logGeometricMeans[i]) && counts[i][j] > 0)
                {
                    ratios.Add(Math.Log(counts[i][j]) - logGeometricMeans[i]);
                }
            }

            factors[j] = Math.Exp(VariancePrior.Median(ratios));
        }

        return factors;
    }
}
