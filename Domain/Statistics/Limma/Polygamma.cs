namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// The trigamma and tetragamma functions (first and second derivatives of digamma), which MathNet.Numerics
/// lacks: the argument is raised above 10 by the recurrence, then the asymptotic series is summed.
/// </summary>
internal static class Polygamma
{
    private const double AsymptoticFrom = 10.0;

    // B_2k for k = 1..7: the Bernoulli numbers of the asymptotic series.
    private static readonly double[] s_bernoulli = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6];

    /// <summary>psi'(x) for x &gt; 0: 1/x + 1/(2x²) + Σ B₂ₖ / x^(2k+1).</summary>
    public static double Trigamma(double x)
    {
        if (double.IsNaN(x) || x <= 0)
        {
            return double.NaN;
        }

        var shift = 0.0;
        while (x < AsymptoticFrom)
        {
            shift += 1.0 / (x * x);
            x += 1.0;
        }

        var inv = 1.0 / x;
        var inv2 = inv * inv;
        var series = 0.0;
        for (var k = s_bernoulli.Length - 1; k >= 0; k--)
        {
            series = (series * inv2) + s_bernoulli[k];
        }

        return shift + inv + (0.5 * inv2) + (inv * inv2 * series);
    }

    /// <summary>psi''(x) for x &gt; 0: -1/x² - 1/x³ - Σ (2k+1) B₂ₖ / x^(2k+2).</summary>
    public static double Tetragamma(double x)
    {
        if (double.IsNaN(x) || x <= 0)
        {
            return double.NaN;
        }

        var shift = 0.0;
        while (x < AsymptoticFrom)
        {
            shift -= 2.0 / (x * x * x);
            x += 1.0;
        }

        var inv = 1.0 / x;
        var inv2 = inv * inv;
        var series = 0.0;
        for (var k = s_bernoulli.Length - 1; k >= 0; k--)
        {
            series = (series * inv2) - ((2 * k + 3) * s_bernoulli[k]);
        }

        return shift - inv2 - (inv2 * inv) + (inv2 * inv2 * series);
    }
}
