using Fractal.Domain.Statistics.MultipleTesting;
using Fractal.Domain.Statistics.Smoothing;

namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2's independent filtering, as its <c>results()</c> applies it by default
/// (<c>pvalueAdjustment</c> with <c>independentFiltering = TRUE</c>, the filter <c>baseMean</c>, the default
/// quantiles and <c>pAdjustMethod = "BH"</c>).
/// </summary>
/// <remarks>
/// The quantiles tried are 50 evenly spaced from the share of rows whose filter is zero up to 0.95 (up to 1
/// when that share is 0.95 or more). At each quantile θ the cut is R's <c>quantile(filter, θ)</c> (type 7);
/// rows whose filter is at or above the cut keep their p-value and are adjusted by Benjamini–Hochberg among
/// themselves, the others get NaN. The rejections (adjusted p below alpha) per θ are smoothed by
/// <c>lowess(rejections ~ θ, f = 1/5)</c>. When no θ gives more than ten rejections the first θ is kept;
/// otherwise the first θ whose rejections exceed the fit's maximum less the root mean square of the
/// residuals (over the θ with at least one rejection).
/// </remarks>
public static class IndependentFiltering
{
    private const int QuantileCount = 50;

    /// <summary>Filters by <paramref name="baseMean"/> and adjusts <paramref name="pValues"/> as DESeq2 does.</summary>
    /// <param name="baseMean">The filter statistic per row (DESeq2's mean of normalized counts); no missing values.</param>
    /// <param name="pValues">The p-value per row; NaN is a missing p-value, which stays missing and does not count.</param>
    /// <param name="alpha">The significance level the rejections are counted at; strictly between 0 and 1.</param>
    public static IndependentFilteringResult Adjust(IReadOnlyList<double> baseMean, IReadOnlyList<double> pValues, double alpha = 0.1)
    {
        ArgumentNullException.ThrowIfNull(baseMean);
        ArgumentNullException.ThrowIfNull(pValues);
        if (baseMean.Count != pValues.Count)
        {
            throw new ArgumentException($"baseMean has {baseMean.Count} values but pValues has {pValues.Count}.", nameof(pValues));
        }

        if (baseMean.Count == 0)
        {
            throw new ArgumentException("Independent filtering needs at least one row.", nameof(baseMean));
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be strictly between 0 and 1.");
        }

        var zeros = 0;
        for (var i = 0; i < baseMean.Count; i++)
        {
            if (double.IsNaN(baseMean[i]))
            {
                throw new ArgumentException($"baseMean {i} is missing; the filter must not have missing values.", nameof(baseMean));
            }

            if (baseMean[i] == 0)
            {
                zeros++;
            }
        }

        var lowerQuantile = (double)zeros / baseMean.Count;
        var thetas = EvenlySpaced(lowerQuantile, lowerQuantile < 0.95 ? 0.95 : 1.0, QuantileCount);

        var sorted = baseMean.ToArray();
        Array.Sort(sorted);
        var cutoffs = new double[QuantileCount];
        var rejections = new int[QuantileCount];
        var counts = new double[QuantileCount];
        for (var k = 0; k < QuantileCount; k++)
        {
            cutoffs[k] = Quantile(sorted, thetas[k]);
            foreach (var adjusted in FilteredAdjust(baseMean, pValues, cutoffs[k]))
            {
                if (adjusted < alpha)
                {
                    rejections[k]++;
                }
            }

            counts[k] = rejections[k];
        }

        // The fit comes back in the order of θ sorted, which is the order of the grid; R indexes it by position too.
        var fitted = Lowess.Smooth(thetas, counts, f: 1.0 / 5);
        var chosen = Choose(rejections, fitted);
        return new IndependentFilteringResult(
            FilteredAdjust(baseMean, pValues, cutoffs[chosen]),
            cutoffs[chosen],
            thetas[chosen],
            thetas,
            rejections,
            fitted);
    }

    /// <summary>R's <c>seq(from, to, length.out = count)</c> for count above 2.</summary>
    private static double[] EvenlySpaced(double from, double to, int count)
    {
        var values = new double[count];
        if (from == to)
        {
            Array.Fill(values, from);
            return values;
        }

        var step = (to - from) / (count - 1);
        values[0] = from;
        for (var k = 1; k < count - 1; k++)
        {
            values[k] = from + (k * step);
        }

        values[count - 1] = to;
        return values;
    }

    /// <summary>R's <c>quantile(x, p, type = 7)</c> of the ascending <paramref name="sorted"/>.</summary>
    private static double Quantile(double[] sorted, double p)
    {
        var index = 1 + (Math.Max(sorted.Length - 1, 0) * p);
        var lo = Math.Floor(index);
        var hi = Math.Ceiling(index);
        var value = sorted[(int)lo - 1];
        var above = sorted[(int)hi - 1];
        if (index > lo && above != value)
        {
            var h = index - lo;
            value = ((1 - h) * value) + (h * above);
        }

        return value;
    }

    /// <summary>Benjamini–Hochberg over the rows whose filter is at least <paramref name="cutoff"/>; NaN for the others.</summary>
    private static double[] FilteredAdjust(IReadOnlyList<double> filter, IReadOnlyList<double> pValues, double cutoff)
    {
        var kept = new List<int>(filter.Count);
        var keptP = new List<double>(filter.Count);
        for (var i = 0; i < filter.Count; i++)
        {
            if (filter[i] >= cutoff)
            {
                kept.Add(i);
                keptP.Add(pValues[i]);
            }
        }

        var result = new double[filter.Count];
        Array.Fill(result, double.NaN);
        var adjusted = BenjaminiHochberg.Adjust(keptP);
        for (var i = 0; i < kept.Count; i++)
        {
            result[kept[i]] = adjusted[i];
        }

        return result;
    }

    /// <summary>The index of the quantile DESeq2 keeps.</summary>
    private static int Choose(int[] rejections, double[] fitted)
    {
        if (rejections.Max() <= 10)
        {
            return 0;
        }

        // Residuals over the quantiles with at least one rejection (more than ten somewhere, so there are some).
        var squares = new List<double>();
        for (var k = 0; k < rejections.Length; k++)
        {
            if (rejections[k] > 0)
            {
                var residual = rejections[k] - fitted[k];
                squares.Add(residual * residual);
            }
        }

        var threshold = fitted.Max() - Math.Sqrt(Mean(squares));
        for (var k = 0; k < rejections.Length; k++)
        {
            if (rejections[k] > threshold)
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>
    /// R's <c>mean</c>: the sum over the count, corrected by the mean of the deviations from it. R accumulates in
    /// extended precision, this in double; the difference is rounding, against a threshold compared to whole counts.
    /// </summary>
    private static double Mean(List<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        var mean = sum / values.Count;
        var correction = 0.0;
        foreach (var value in values)
        {
            correction += value - mean;
        }

        return mean + (correction / values.Count);
    }
}
