using MathNet.Numerics;

namespace Fractal.Domain.Statistics.Anova;

/// <summary>One-way analysis of variance as <c>scipy.stats.f_oneway</c> computes it.</summary>
public static class OneWayAnova
{
    /// <summary>
    /// F = (between-group mean square) / (within-group mean square) with k - 1 and N - k degrees of
    /// freedom, and its upper-tail p-value. As SciPy: an empty group or all groups of one value give
    /// NaN; groups that are each constant give F = ∞, p = 0, unless all values are equal (NaN). Fewer
    /// than two groups give NaN with a reason (SciPy refuses them).
    /// </summary>
    public static AnovaResult Compute(IReadOnlyList<IReadOnlyList<double>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count < 2)
        {
            return Undefined($"{groups.Count} group(s); an ANOVA needs at least 2.");
        }

        if (groups.Any(group => group.Count == 0))
        {
            return Undefined("A group is empty.");
        }

        if (groups.All(group => group.Count == 1))
        {
            return Undefined("Every group has one value; there is no within-group variance.");
        }

        var total = groups.Sum(group => group.Count);
        var grandMean = groups.Sum(group => group.Sum()) / total;
        double between = 0, within = 0;
        var eachConstant = true;
        foreach (var group in groups)
        {
            var mean = group.Average();
            between += group.Count * (mean - grandMean) * (mean - grandMean);
            foreach (var value in group)
            {
                within += (value - mean) * (value - mean);
                eachConstant &= value == group[0];
            }
        }

        if (eachConstant)
        {
            return groups.All(group => group[0] == groups[0][0])
                ? Undefined("All values are equal; F is not defined.")
                : new AnovaResult { F = double.PositiveInfinity, PValue = 0.0, Reason = "Each group is constant; F is infinite." };
        }

        var betweenDegrees = groups.Count - 1.0;
        var withinDegrees = total - groups.Count;
        var f = between / betweenDegrees / (within / withinDegrees);
        var pValue = SpecialFunctions.BetaRegularized(withinDegrees / 2.0, betweenDegrees / 2.0, withinDegrees / (withinDegrees + (betweenDegrees * f)));
        return new AnovaResult { F = f, PValue = pValue };
    }

    private static AnovaResult Undefined(string reason) => new() { F = double.NaN, PValue = double.NaN, Reason = reason };
}
