namespace Fractal.Domain.Statistics;

/// <summary>Ranks of a sample, as <c>scipy.stats.rankdata</c> computes them.</summary>
public static class Ranks
{
    /// <summary>One-based ranks; tied values share the mean of the ranks they span.</summary>
    public static double[] Average(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start + 1;
            while (end < order.Length && values[order[end]] == values[order[start]])
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
