using Fractal.Domain.Statistics.Survival;

namespace Fractal.Domain.Tests.Statistics.Survival;

public sealed class NearTiesTests
{
    [Fact]
    public void Merge_TimesApartByFloatingPointNoise_BecomeTheSmallerOfThem()
    {
        var merged = NearTies.Merge([0.8, 0.7 + 0.1, 1 / 30.44 + 260 / 30.44, 261 / 30.44, 5]);

        Assert.Equal([0.7 + 0.1, 0.7 + 0.1, 261 / 30.44, 261 / 30.44, 5], merged);
    }

    [Fact]
    public void Merge_GapWithinTheToleranceOfTheMeanMagnitude_IsATie()
    {
        var merged = NearTies.Merge([1e9, 1e9 + 1, 2e9]);

        Assert.Equal([1e9, 1e9, 2e9], merged);
    }

    [Fact]
    public void Merge_RunOfSmallGaps_BecomesItsFirstTime()
    {
        var merged = NearTies.Merge([1, 1 + 1e-9, 1 + 2e-9, 1 + 3e-9]);

        Assert.All(merged, time => Assert.Equal(1, time));
    }

    [Fact]
    public void Merge_DistinctTimes_AreKept()
    {
        double[] times = [3, 1, 2, 2, 1e-6];

        var merged = NearTies.Merge(times);

        Assert.Equal(times, merged);
    }

    [Fact]
    public void Merge_NonFiniteTimes_AreLeftAsTheyAre()
    {
        var merged = NearTies.Merge([double.NaN, 1, 1 + 1e-12, double.PositiveInfinity]);

        Assert.Equal([double.NaN, 1, 1, double.PositiveInfinity], merged);
    }
}
