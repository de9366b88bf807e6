using MathNet.Numerics.Distributions;

namespace Fractal.Domain.Statistics.Survival;

/// <summary>
/// The Kaplan–Meier survival curve as R's <c>survfit(Surv(time, event) ~ 1, conf.type = "log-log")</c> gives it, times equal within
/// <see cref="NearTies"/>' tolerance being one time, as there.
/// </summary>
public static class KaplanMeier
{
    /// <summary>
    /// S(t) = Π (1 - d/n); the standard error of log S by Greenwood, sqrt(Σ d / (n (n - d))); and the
    /// band exp(-exp(log(-log S) ∓ z·se / log S)) with z = qnorm(0.975), undefined (NaN) where S is 0 or 1.
    /// </summary>
    public static SurvivalEstimate Fit(IReadOnlyList<double> times, IReadOnlyList<bool> events)
    {
        var table = EventTable.Build(NearTies.Merge(times), events);
        var z = Normal.InvCDF(0, 1, 0.975);
        var count = table.Times.Count;
        var survival = new double[count];
        var error = new double[count];
        var lower = new double[count];
        var upper = new double[count];
        double s = 1, variance = 0;
        for (var i = 0; i < count; i++)
        {
            double n = table.AtRisk[i], d = table.Events[i];
            s *= 1 - (d / n);
            variance += d == 0 ? 0 : d == n ? double.PositiveInfinity : d / (n * (n - d));
            survival[i] = s;
            error[i] = Math.Sqrt(variance);
            if (s is > 0 and < 1)
            {
                var logS = Math.Log(s);
                var shift = z * error[i] / logS;
                lower[i] = Math.Exp(-Math.Exp(Math.Log(-logS) - shift));
                upper[i] = Math.Exp(-Math.Exp(Math.Log(-logS) + shift));
            }
            else
            {
                lower[i] = double.NaN;
                upper[i] = double.NaN;
            }
        }

        return new SurvivalEstimate(table, survival, error, lower, upper);
    }

    /// <summary>
    /// The median survival time as R's <c>print.survfit</c> reports it: the first time the curve is at
    /// or below one half; when it sits exactly at one half, the midpoint between that time and the time
    /// it next drops (if it does); NaN when the curve never reaches one half. The tolerance is R's,
    /// the square root of the machine epsilon.
    /// </summary>
    public static double Median(SurvivalEstimate curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var tolerance = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);
        var first = -1;
        for (var i = 0; i < curve.Estimate.Count; i++)
        {
            if (curve.Estimate[i] < 0.5 + tolerance)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return double.NaN;
        }

        if (Math.Abs(curve.Estimate[first] - 0.5) < tolerance)
        {
            for (var i = first + 1; i < curve.Estimate.Count; i++)
            {
                if (curve.Estimate[i] < curve.Estimate[first])
                {
                    return (curve.Table.Times[first] + curve.Table.Times[i]) / 2;
                }
            }
        }

        return curve.Table.Times[first];
    }
}
