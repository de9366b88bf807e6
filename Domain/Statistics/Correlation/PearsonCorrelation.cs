using MathNet.Numerics;

namespace Fractal.Domain.Statistics.Correlation;

/// <summary>Pearson's r and its p-value as <c>scipy.stats.pearsonr</c> computes them.</summary>
public static class PearsonCorrelation
{
    /// <summary>
    /// r of the centred, normalised samples, clipped to [-1, 1]; the two-sided p-value from r's exact
    /// null distribution, a beta distribution on [-1, 1] with a = b = n/2 - 1. Two points give r = ±1
    /// and p = 1; a constant sample or fewer than two points give NaN with a reason.
    /// </summary>
    public static CorrelationEstimate Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (CorrelationInput.Undefined(x, y) is { } undefined)
        {
            return undefined;
        }

        var n = x.Count;

        if (n == 2)
        {
            return new CorrelationEstimate(Math.Sign(x[1] - x[0]) * Math.Sign(y[1] - y[0]), 1.0);
        }

        var r = Math.Clamp(Coefficient(x, y), -1.0, 1.0);
        var shape = (n / 2.0) - 1.0;
        var pValue = 2.0 * SpecialFunctions.BetaRegularized(shape, shape, (1.0 - Math.Abs(r)) / 2.0);
        return new CorrelationEstimate(r, Math.Min(pValue, 1.0));
    }

    /// <summary>The plain coefficient: the cosine of the centred samples.</summary>
    internal static double Coefficient(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        Coefficient(x as double[] ?? [.. x], y as double[] ?? [.. y]);

    private static double Coefficient(double[] x, double[] y)
    {
        var n = x.Length;
        var meanX = 0.0;
        var meanY = 0.0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= n;
        meanY /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        return sxy / (Math.Sqrt(sxx) * Math.Sqrt(syy));
    }
}
