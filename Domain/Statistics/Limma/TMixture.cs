namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// limma's <c>tmixture.vector</c>: the prior variance of a non-zero coefficient, estimated from the largest
/// moderated t-statistics of one contrast by matching their tail to a mixture of central and scaled t.
/// </summary>
internal static class TMixture
{
    public static double EstimateVariance(
        double[] t, double[] stdevUnscaled, double[] df, double proportion, double lowerLimit, double upperLimit)
    {
        var tstat = new List<double>(t.Length);
        var variances = new List<double>(t.Length);
        var dfs = new List<double>(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            if (!double.IsNaN(t[i]))
            {
                tstat.Add(Math.Abs(t[i]));
                variances.Add(stdevUnscaled[i] * stdevUnscaled[i]);
                dfs.Add(df[i]);
            }
        }

        var genes = tstat.Count;
        var target = (int)Math.Ceiling(proportion / 2 * genes);
        if (target < 1)
        {
            return double.NaN;
        }

        var p = Math.Max((double)target / genes, proportion);
        var maxDf = double.NegativeInfinity;
        foreach (var value in dfs)
        {
            maxDf = Math.Max(maxDf, value);
        }

        // The method needs equal df: carry each smaller-df statistic to the one with the same tail at maxDf.
        for (var i = 0; i < genes; i++)
        {
            if (dfs[i] < maxDf)
            {
                tstat[i] = StudentTail.InverseLogUpper(StudentTail.LogUpper(tstat[i], dfs[i]), maxDf);
            }
        }

        // order(tstat, decreasing = TRUE): a stable sort, ties in index order.
        var order = new int[genes];
        for (var i = 0; i < genes; i++)
        {
            order[i] = i;
        }

        var keys = tstat.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byValue = keys[b].CompareTo(keys[a]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });

        var sum = 0.0;
        for (var r = 1; r <= target; r++)
        {
            var index = order[r - 1];
            var top = keys[index];
            var p0 = 2 * StudentTail.Upper(top, maxDf);
            var pTarget = ((((r - 0.5) / genes) - ((1 - p) * p0)) / p);
            var v0 = 0.0;
            if (pTarget > p0)
            {
                var qTarget = StudentTail.InverseUpper(pTarget / 2, maxDf);
                v0 = variances[index] * (((top / qTarget) * (top / qTarget)) - 1);
            }

            sum += Math.Min(Math.Max(v0, lowerLimit), upperLimit);
        }

        return sum / target;
    }
}
