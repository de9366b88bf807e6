namespace Fractal.Domain.Tests.Analyses;

/// <summary>Comparisons to reference values: relative tolerance, an absolute floor for values near zero, NaN equal to NaN.</summary>
internal static class Close
{
    /// <summary>Values: 1e-9 relative.</summary>
    public const double Value = 1e-9;

    /// <summary>P-values, survival intervals: 1e-6 relative.</summary>
    public const double PValue = 1e-6;

    /// <summary>Below this, differences are rounding noise of values that are zero in exact arithmetic.</summary>
    public const double Floor = 1e-12;

    public static void Equal(double expected, double actual, double relative, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected}, got {actual}.");
            return;
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            Assert.True(expected == actual, $"{what}: expected {expected}, got {actual}.");
            return;
        }

        var tolerance = Math.Max(relative * Math.Max(Math.Abs(expected), Math.Abs(actual)), Floor);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3}).");
    }

    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}.");
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i], relative, $"{what}[{i}]");
        }
    }
}
