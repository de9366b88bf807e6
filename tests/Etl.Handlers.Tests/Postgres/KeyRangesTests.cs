using Fractal.Etl.Handlers.Postgres;

namespace Fractal.Etl.Handlers.Tests.Postgres;

public sealed class KeyRangesTests
{
    [Theory]
    [InlineData(1, 1_000_000, 4)]
    [InlineData(-5, 7, 5)]
    [InlineData(3, 3, 8)]
    [InlineData(0, 10, 3)]
    public void Split_Interval_CoversEveryKeyExactlyOnce(long min, long max, int count)
    {
        var ranges = KeyRanges.Split(min, max, count);

        var covered = new List<long>();
        foreach (var range in ranges)
        {
            var lower = long.Parse(range.Lower, System.Globalization.CultureInfo.InvariantCulture);
            var upper = long.Parse(range.Upper, System.Globalization.CultureInfo.InvariantCulture);
            for (var key = lower; range.UpperInclusive ? key <= upper : key < upper; key++)
            {
                covered.Add(key);
                if (covered.Count > 2_000_000)
                {
                    break;
                }
            }
        }

        Assert.InRange(ranges.Count, 1, count);
        Assert.True(ranges[^1].UpperInclusive);
        Assert.Equal(max - min + 1, covered.Count);
        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(min, covered.Min());
        Assert.Equal(max, covered.Max());
    }
}
