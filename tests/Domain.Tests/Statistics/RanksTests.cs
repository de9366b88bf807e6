using Fractal.Domain.Statistics;

namespace Fractal.Domain.Tests.Statistics;

public sealed class RanksTests
{
    [Fact]
    public void Average_Ties_ShareTheMeanOfTheirRanks()
    {
        var ranks = Ranks.Average([3.0, 1.0, 3.0, -2.0, 3.0]);

        Assert.Equal([4.0, 2.0, 4.0, 1.0, 4.0], ranks);
    }

    [Fact]
    public void Average_NegativeAndPositiveZero_Tie()
    {
        var ranks = Ranks.Average([0.0, -0.0, -1.0]);

        Assert.Equal([2.5, 2.5, 1.0], ranks);
    }

    [Theory]
    [InlineData(4_095)]
    [InlineData(50_000)]
    public void Average_LargeSampleWithTiesAndSigns_EqualsTheRanksOfAComparisonSort(int count)
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, count)
            .Select(_ => random.Next(4) switch
            {
                0 => Math.Round(random.NextDouble() * 20 - 10, 1),
                1 => -random.NextDouble() * 1e-300,
                2 => random.NextDouble() * 1e300,
                _ => double.Parse("-0", System.Globalization.CultureInfo.InvariantCulture),
            })
            .ToArray();

        var ranks = Ranks.Average(values);

        Assert.Equal(ComparisonRanks(values), ranks);
    }

    [Fact]
    public void Average_Infinities_RankAtTheEnds()
    {
        var values = Enumerable.Range(0, 5_000).Select(i => (double)(i % 7)).Append(double.PositiveInfinity).Append(double.NegativeInfinity).ToArray();

        var ranks = Ranks.Average(values);

        Assert.Equal(values.Length, ranks[^2]);
        Assert.Equal(1.0, ranks[^1]);
    }

    /// <summary>The ranks by a comparison sort of the values: ties are runs of equal values in sorted order.</summary>
    private static double[] ComparisonRanks(double[] values)
    {
        var sorted = values.ToArray();
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(sorted, order);
        var ranks = new double[values.Length];
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end < sorted.Length && sorted[end] == sorted[start])
            {
                end++;
            }

            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = (start + end + 1) / 2.0;
            }

            start = end;
        }

        return ranks;
    }
}
