using MathNet.Numerics;

namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// limma's <c>fitFDist</c> without a covariate: the scale and the second degrees of freedom of the scaled F
/// distribution that the residual variances follow, by matching the moments of log variances; the variance
/// of log F is inverted with <see cref="TrigammaInverse"/>.
/// </summary>
internal static class VariancePrior
{
    public static (double Scale, double Df) Fit(double[] variances, double[] df)
    {
        var n = variances.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        if (n == 1)
        {
            return (variances[0], 0);
        }

        var x = new List<double>(n);
        var d = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            if (double.IsFinite(df[i]) && df[i] > 1e-15 && double.IsFinite(variances[i]) && variances[i] > -1e-15)
            {
                x.Add(Math.Max(variances[i], 0));
                d.Add(df[i]);
            }
        }

        var ok = x.Count;
        if (ok == 0)
        {
            return (double.NaN, double.NaN);
        }

        if (ok == 1)
        {
            return (x[0], 0);
        }

        var median = Median(x);
        if (median == 0)
        {
            median = 1;
        }

        var floor = 1e-5 * median;
        var e = new double[ok];
        var meanE = 0.0;
        var meanTrigamma = 0.0;
        var meanX = 0.0;
        for (var i = 0; i < ok; i++)
        {
            var xi = Math.Max(x[i], floor);
            x[i] = xi;
            meanX += xi;
            e[i] = Math.Log(xi) - SpecialFunctions.DiGamma(d[i] / 2) + Math.Log(d[i] / 2);
            meanE += e[i];
            meanTrigamma += Polygamma.Trigamma(d[i] / 2);
        }

        meanE /= ok;
        meanTrigamma /= ok;
        meanX /= ok;
        var varE = 0.0;
        for (var i = 0; i < ok; i++)
        {
            varE += (e[i] - meanE) * (e[i] - meanE);
        }

        varE = (varE / (ok - 1)) - meanTrigamma;
        if (varE > 0)
        {
            var df2 = 2 * TrigammaInverse(varE);
            return (Math.Exp(meanE + SpecialFunctions.DiGamma(df2 / 2) - Math.Log(df2 / 2)), df2);
        }

        return (meanX, double.PositiveInfinity);
    }

    /// <summary>The y with trigamma(y) = x, by limma's Newton iteration.</summary>
    public static double TrigammaInverse(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x > 1e7)
        {
            return 1 / Math.Sqrt(x);
        }

        if (x < 1e-6)
        {
            return 1 / x;
        }

        var y = 0.5 + (1 / x);
        for (var iteration = 1; iteration <= 51; iteration++)
        {
            var tri = Polygamma.Trigamma(y);
            var dif = tri * (1 - (tri / x)) / Polygamma.Tetragamma(y);
            y += dif;
            if (-dif / y < 1e-8)
            {
                break;
            }
        }

        return y;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
