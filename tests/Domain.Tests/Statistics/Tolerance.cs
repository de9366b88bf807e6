namespace Fractal.Domain.Tests.Statistics;

/// <summary>Element-wise comparison to a reference: relative tolerance, with an absolute floor for values near zero.</summary>
internal static class Tolerance
{
    /// <summary>For plain values (means, differences): 1e-9 relative.</summary>
    public const double Values = 1e-9;

    /// <summary>For p-values and moderated statistics: 1e-6 relative.</summary>
    public const double Statistics = 1e-6;

    public static void AssertClose(double expected, double actual, double relative, string what, double absolute = 1e-12)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            Assert.Equal(expected, actual);
            return;
        }

        var difference = Math.Abs(expected - actual);
        var allowed = Math.Max(relative * Math.Max(Math.Abs(expected), Math.Abs(actual)), absolute);
        Assert.True(difference <= allowed, $"{what}: expected {expected:R}, got {actual:R} (difference {difference:E3}, allowed {allowed:E3})");
    }

    public static void AssertAllClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, string what, double absolute = 1e-12)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i], actual[i], relative, $"{what}[{i}]", absolute);
        }
    }
}
