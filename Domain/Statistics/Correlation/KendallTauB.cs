using MathNet.Numerics;

namespace Fractal.Domain.Statistics.Correlation;

/// <summary>Kendall's tau-b and its p-value as <c>scipy.stats.kendalltau</c> computes them by default.</summary>
public static class KendallTauB
{
    /// <summary>
    /// tau-b = (concordant - discordant) / sqrt((pairs - x ties)(pairs - y ties)), counted in
    /// O(n log n). The p-value follows SciPy's <c>method="auto"</c>: the exact null distribution when
    /// there are no ties and n ≤ 33 or at most one pair is discordant (or concordant); otherwise the
    /// normal approximation with the tie-corrected variance. All-tied samples give NaN.
    /// </summary>
    public static CorrelationEstimate Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CorrelationInput.Check(x, y);
        var n = x.Count;
        if (n < 2)
        {
            return CorrelationEstimate.Undefined(CorrelationInput.TooFewPoints(n));
        }

        var (sortedX, sortedY) = SortLexicographically(x, y);

        var jointTies = TiedPairs(sortedX, sortedY);
        var (xTies, x0, x1) = TieStatistics(sortedX);
        var ySorted = (double[])sortedY.Clone();
        Array.Sort(ySorted);
        var (yTies, y0, y1) = TieStatistics(ySorted);
        var discordant = CountStrictInversions(sortedY);
        var pairs = (long)n * (n - 1) / 2;
        if (xTies == pairs || yTies == pairs)
        {
            return CorrelationEstimate.Undefined(CorrelationInput.ConstantInput);
        }

        var concordantMinusDiscordant = pairs - xTies - yTies + jointTies - (2 * discordant);
        var tau = concordantMinusDiscordant / Math.Sqrt(pairs - xTies) / Math.Sqrt(pairs - yTies);
        tau = Math.Clamp(tau, -1.0, 1.0);

        var exact = xTies == 0 && yTies == 0 && (n <= 33 || Math.Min(discordant, pairs - discordant) <= 1);
        if (exact)
        {
            return new CorrelationEstimate(tau, KendallExactDistribution.TwoSidedPValue(n, pairs - discordant));
        }

        var m = n * (n - 1.0);
        var variance = (((m * ((2.0 * n) + 5)) - x1 - y1) / 18.0)
            + (2.0 * xTies * yTies / m)
            + (x0 * y0 / (9.0 * m * (n - 2)));
        var z = concordantMinusDiscordant / Math.Sqrt(variance);
        return new CorrelationEstimate(tau, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0)));
    }

    /// <summary>The pairs sorted by x, and by y within equal x.</summary>
    private static (double[] X, double[] Y) SortLexicographically(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var sortedX = x.ToArray();
        var order = new int[sortedX.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sortedX, order);
        var sortedY = new double[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortedY[i] = y[order[i]];
        }

        var start = 0;
        for (var i = 1; i <= sortedX.Length; i++)
        {
            if (i == sortedX.Length || sortedX[i] != sortedX[start])
            {
                Array.Sort(sortedY, start, i - start);
                start = i;
            }
        }

        return (sortedX, sortedY);
    }

    private static long TiedPairs(double[] sortedX, double[] sortedY)
    {
        long ties = 0;
        var start = 0;
        for (var i = 1; i <= sortedX.Length; i++)
        {
            if (i == sortedX.Length || sortedX[i] != sortedX[start] || sortedY[i] != sortedY[start])
            {
                long count = i - start;
                ties += count * (count - 1) / 2;
                start = i;
            }
        }

        return ties;
    }

    private static (long Pairs, double Cubic, double Variance) TieStatistics(double[] sorted)
    {
        long pairs = 0;
        double cubic = 0, variance = 0;
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] != sorted[start])
            {
                long count = i - start;
                if (count > 1)
                {
                    pairs += count * (count - 1) / 2;
                    cubic += count * (count - 1.0) * (count - 2);
                    variance += count * (count - 1.0) * ((2 * count) + 5);
                }

                start = i;
            }
        }

        return (pairs, cubic, variance);
    }

    /// <summary>Pairs i &lt; j with values[i] &gt; values[j], by merge sort.</summary>
    private static long CountStrictInversions(double[] values)
    {
        var buffer = new double[values.Length];
        var work = (double[])values.Clone();
        long inversions = 0;
        for (var width = 1; width < work.Length; width *= 2)
        {
            for (var left = 0; left < work.Length - width; left += 2 * width)
            {
                var middle = left + width;
                var right = Math.Min(left + (2 * width), work.Length);
                int i = left, j = middle, k = left;
                while (i < middle && j < right)
                {
                    if (work[j] < work[i])
                    {
                        inversions += middle - i;
                        buffer[k++] = work[j++];
                    }
                    else
                    {
                        buffer[k++] = work[i++];
                    }
                }

                while (i < middle)
                {
                    buffer[k++] = work[i++];
                }

                while (j < right)
                {
                    buffer[k++] = work[j++];
                }

                Array.Copy(buffer, left, work, left, right - left);
            }
        }

        return inversions;
    }
}
