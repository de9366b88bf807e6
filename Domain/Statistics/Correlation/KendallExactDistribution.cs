using MathNet.Numerics;

namespace Fractal.Domain.Statistics.Correlation;

/// <summary>
/// The exact null distribution of Kendall's statistic without ties (Kendall, <i>Rank Correlation
/// Methods</i>, 1970), by the recurrence SciPy's <c>_kendall_p_exact</c> uses.
/// </summary>
internal static class KendallExactDistribution
{
    private const int FactorialLimit = 171;

    /// <summary>The two-sided p-value of <paramref name="concordant"/> concordant pairs among n values.</summary>
    public static double TwoSidedPValue(int n, long concordant)
    {
        var pairs = (long)n * (n - 1) / 2;
        var c = (int)Math.Min(concordant, pairs - concordant);
        double probability;
        if (n <= 2)
        {
            probability = 1.0;
        }
        else if (c == 0)
        {
            probability = n < FactorialLimit ? 2.0 / SpecialFunctions.Factorial(n) : 0.0;
        }
        else if (c == 1)
        {
            probability = n < FactorialLimit + 1 ? 2.0 / SpecialFunctions.Factorial(n - 1) : 0.0;
        }
        else if (4L * c == (long)n * (n - 1))
        {
            probability = 1.0;
        }
        else
        {
            probability = LeftTailCount(n, c, scaleByStep: n >= FactorialLimit);
            probability = n < FactorialLimit ? 2.0 * probability / SpecialFunctions.Factorial(n) : probability;
        }

        return Math.Clamp(probability, 0.0, 1.0);
    }

    /// <summary>
    /// The number of permutations of n with at most c inversions (or, when scaled, that count divided
    /// by n! and doubled through the recurrence, as SciPy does for n ≥ 171).
    /// </summary>
    private static double LeftTailCount(int n, int c, bool scaleByStep)
    {
        var counts = new double[c + 1];
        counts[0] = 1.0;
        counts[1] = 1.0;
        var previous = new double[c + 1];
        for (var j = 3; j <= n; j++)
        {
            var running = 0.0;
            for (var k = 0; k <= c; k++)
            {
                running += counts[k];
                previous[k] = scaleByStep ? running / j : running;
            }

            for (var k = 0; k <= c; k++)
            {
                counts[k] = j <= c && k >= j ? previous[k] - previous[k - j] : previous[k];
            }
        }

        return counts.Sum();
    }
}
