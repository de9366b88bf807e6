namespace Fractal.Domain.Statistics;

/// <summary>Ranks of a sample, as <c>scipy.stats.rankdata</c> computes them.</summary>
public static class Ranks
{
    /// <summary>One-based ranks; tied values share the mean of the ranks they span.</summary>
    public static double[] Average(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        var ranks = new double[sorted.Length];
        var start = 0;
        while (start < order.Length)
        {
            var end = start + 1;
            while (end < order.Length && sorted[end] == sorted[start])
            {
                end++;
            }

            var rank = (start + end + 1) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }
}
