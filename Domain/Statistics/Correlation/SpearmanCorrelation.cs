using MathNet.Numerics;

namespace Fractal.Domain.Statistics.Correlation;

/// <summary>Spearman's rho and its p-value as <c>scipy.stats.spearmanr</c> computes them.</summary>
public static class SpearmanCorrelation
{
    /// <summary>
    /// Pearson's r of the average ranks; the two-sided p-value from Student's t with n - 2 degrees of
    /// freedom, t = rho·sqrt((n - 2) / ((1 + rho)(1 - rho))). Two points give rho = ±1 and an undefined
    /// p-value (no degrees of freedom); a constant sample or fewer than two points give NaN.
    /// </summary>
    public static CorrelationEstimate Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (CorrelationInput.Undefined(x, y) is { } undefined)
        {
            return undefined;
        }

        var n = x.Count;

        var rho = PearsonCorrelation.Coefficient(Ranks.Average(x), Ranks.Average(y));
        var degrees = n - 2;
        if (degrees == 0)
        {
            return new CorrelationEstimate(rho, double.NaN, "2 points leave no degrees of freedom for the p-value.");
        }

        var denominator = (1.0 + rho) * (1.0 - rho);
        if (denominator <= 0)
        {
            return new CorrelationEstimate(rho, 0.0);
        }

        var tSquared = rho * rho * degrees / denominator;
        var pValue = SpecialFunctions.BetaRegularized(degrees / 2.0, 0.5, degrees / (degrees + tSquared));
        return new CorrelationEstimate(rho, pValue);
    }
}
