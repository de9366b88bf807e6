using MathNet.Numerics.Distributions;

namespace Fractal.Domain.Statistics.Survival;

/// <summary>
/// The Nelson–Aalen cumulative hazard as R's <c>survfit(..., ctype = 1)</c> gives it, times equal within
/// <see cref="NearTies"/>' tolerance being one time, as there.
/// </summary>
public static class NelsonAalen
{
    /// <summary>
    /// H(t) = Σ d/n with standard error sqrt(Σ d/n²) (<c>cumhaz</c>, <c>std.chaz</c>), and the band
    /// H·exp(±z·se/H) with z = qnorm(0.975); the band is 0 while H is 0.
    /// </summary>
    public static SurvivalEstimate Fit(IReadOnlyList<double> times, IReadOnlyList<bool> events)
    {
        var table = EventTable.Build(NearTies.Merge(times), events);
        var z = Normal.InvCDF(0, 1, 0.975);
        var count = table.Times.Count;
        var hazard = new double[count];
        var error = new double[count];
        var lower = new double[count];
        var upper = new double[count];
        double h = 0, variance = 0;
        for (var i = 0; i < count; i++)
        {
            double n = table.AtRisk[i], d = table.Events[i];
            h += d / n;
            variance += d / (n * n);
            hazard[i] = h;
            error[i] = Math.Sqrt(variance);
            lower[i] = h == 0 ? 0 : h * Math.Exp(-z * error[i] / h);
            upper[i] = h == 0 ? 0 : h * Math.Exp(z * error[i] / h);
        }

        return new SurvivalEstimate(table, hazard, error, lower, upper);
    }
}
