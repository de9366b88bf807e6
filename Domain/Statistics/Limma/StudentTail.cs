using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// Upper tails of Student's t and Fisher's F, from MathNet's regularized incomplete beta so that tiny tails
/// keep their relative precision, and the t quantile of a log tail (R's <c>qt(..., lower.tail = FALSE, log.p = TRUE)</c>).
/// </summary>
internal static class StudentTail
{
    /// <summary>P(T &gt; t) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double Upper(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(df))
        {
            return Normal.CDF(0, 1, -t);
        }

        var half = 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
        return t >= 0 ? half : 1 - half;
    }

    /// <summary>The two-sided p-value 2 P(T &gt; |t|).</summary>
    public static double TwoSided(double t, double df) => double.IsNaN(t) ? double.NaN : Math.Min(1.0, 2 * Upper(Math.Abs(t), df));

    /// <summary>log P(T &gt; t) for t ≥ 0.</summary>
    public static double LogUpper(double t, double df) => Math.Log(Upper(t, df));

    /// <summary>The t ≥ 0 whose upper tail is <c>exp(logTail)</c> (logTail ≤ log 0.5).</summary>
    public static double InverseLogUpper(double logTail, double df)
    {
        var tail = Math.Exp(logTail);
        var t = tail > 1e-300 ? -StudentT.InvCDF(0, 1, df, tail) : 40.0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var upper = Upper(t, df);
            var density = StudentT.PDF(0, 1, df, t);
            if (upper <= 0 || density <= 0)
            {
                break;
            }

            // Newton on log S(t): d/dt log S = -f(t) / S(t).
            var step = (Math.Log(upper) - logTail) * upper / density;
            t += step;
            if (Math.Abs(step) <= 1e-14 * Math.Max(1.0, Math.Abs(t)))
            {
                break;
            }
        }

        return t;
    }

    /// <summary>The t with upper tail <paramref name="tail"/> (R's <c>qt(tail, df, lower.tail = FALSE)</c>).</summary>
    public static double InverseUpper(double tail, double df) =>
        tail > 0.5 ? -InverseLogUpper(Math.Log(1 - tail), df) : InverseLogUpper(Math.Log(tail), df);

    /// <summary>P(F &gt; f) for Fisher's F with <paramref name="df1"/> and <paramref name="df2"/> degrees of freedom.</summary>
    public static double FisherUpper(double f, double df1, double df2)
    {
        if (double.IsNaN(f) || double.IsNaN(df1) || double.IsNaN(df2))
        {
            return double.NaN;
        }

        if (f <= 0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(df2))
        {
            return SpecialFunctions.GammaUpperRegularized(df1 / 2, df1 * f / 2);
        }

        return SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + (df1 * f)));
    }
}
