namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2's Cook's distances of one gene's samples (<c>calculateCooksDistance</c>): squared Pearson residuals under a
/// robust method-of-moments dispersion, scaled by leverage, (y − μ)² / (μ + αμ²) / p · h / (1 − h)².
/// </summary>
internal static class CooksDistance
{
    private const double MinRobustDispersion = 0.04;

    /// <summary>The distances of each sample.</summary>
    public static double[] Compute(GroupDesign design, double[] counts, double[] normalized, NegativeBinomialFit fit)
    {
        var alpha = RobustDispersion(design, normalized);
        var cooks = new double[design.Samples];
        for (var j = 0; j < cooks.Length; j++)
        {
            var mu = fit.Mu[j];
            var h = fit.Hat[j];
            var pearson = (counts[j] - mu) * (counts[j] - mu) / (mu + (alpha * mu * mu));
            cooks[j] = pearson / design.Columns * h / ((1 - h) * (1 - h));
        }

        return cooks;
    }

    /// <summary>The largest distance among the samples whose group has three or more samples; NaN when none has, or m ≤ p.</summary>
    public static double Max(GroupDesign design, double[] cooks, Func<int, bool>? counted = null)
    {
        if (design.Samples <= design.Columns)
        {
            return double.NaN;
        }

        var max = double.NaN;
        var any = false;
        for (var j = 0; j < cooks.Length; j++)
        {
            if (design.InGroupOfAtLeast(j, 3))
            {
                var value = counted is null || counted(j) ? cooks[j] : 0.0;
                max = any ? Math.Max(max, value) : value;
                any = true;
            }
        }

        return max;
    }

    /// <summary>
    /// <c>robustMethodOfMomentsDisp</c>: a trimmed variance within the groups of three or more samples (the largest
    /// of them), or across all samples when no group has three, turned into a dispersion and held at or above 0.04.
    /// </summary>
    private static double RobustDispersion(GroupDesign design, double[] normalized)
    {
        double variance;
        if (Enumerable.Range(0, design.Samples).Any(j => design.InGroupOfAtLeast(j, 3)))
        {
            variance = double.NegativeInfinity;
            for (var g = 0; g < design.GroupCount; g++)
            {
                var n = design.GroupSizes[g];
                if (n < 3)
                {
                    continue;
                }

                var values = Enumerable.Range(0, design.Samples).Where(j => design.Groups[j] == g).Select(j => normalized[j]).ToArray();
                var (trim, scale) = n <= 3 ? (1.0 / 3, 2.04) : n <= 23 ? (1.0 / 4, 1.86) : (1.0 / 8, 1.51);
                var center = TrimmedMean(values, trim);
                variance = Math.Max(variance, scale * TrimmedMean([.. values.Select(v => (v - center) * (v - center))], trim));
            }
        }
        else
        {
            var center = TrimmedMean(normalized, 1.0 / 8);
            variance = 1.51 * TrimmedMean([.. normalized.Select(v => (v - center) * (v - center))], 1.0 / 8);
        }

        var mean = normalized.Average();
        return Math.Max((variance - mean) / (mean * mean), MinRobustDispersion);
    }

    /// <summary>R's <c>mean(x, trim)</c>: the mean without the floor(n · trim) smallest and largest values.</summary>
    public static double TrimmedMean(double[] values, double trim)
    {
        var sorted = values.Order().ToArray();
        var cut = (int)Math.Floor(sorted.Length * trim);
        var sum = 0.0;
        for (var i = cut; i < sorted.Length - cut; i++)
        {
            sum += sorted[i];
        }

        return sum / (sorted.Length - (2 * cut));
    }
}
