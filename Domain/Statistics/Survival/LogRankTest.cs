using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Fractal.Domain.Statistics.Survival;

/// <summary>The log-rank test across groups as R's <c>survdiff(Surv(time, event) ~ group)</c> computes it.</summary>
public static class LogRankTest
{
    /// <summary>
    /// Observed minus expected events per group, summed over the pooled event times, with the
    /// hypergeometric covariance; groups expecting no event are left out, as is the first of the rest,
    /// and chi2 = (O - E)' V⁻¹ (O - E) on k - 1 degrees of freedom. Fewer than two groups give NaN.
    /// Times equal within <see cref="NearTies"/>' tolerance over the pooled sample are one time.
    /// </summary>
    public static LogRankResult Compute(IReadOnlyList<(IReadOnlyList<double> Times, IReadOnlyList<bool> Events)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count < 2)
        {
            return Undefined(0, $"{groups.Count} group(s); a log-rank test needs at least 2.");
        }

        // Near-equal times are tied across the pooled sample, as survdiff does before counting.
        var pooled = NearTies.Merge([.. groups.SelectMany(group => group.Times)]);
        var tables = new List<EventTable>(groups.Count);
        var offset = 0;
        foreach (var group in groups)
        {
            tables.Add(EventTable.Build([.. pooled.Skip(offset).Take(group.Times.Count)], group.Events));
            offset += group.Times.Count;
        }

        var k = groups.Count;
        var eventTimes = tables.SelectMany(table => table.Times.Where((_, i) => table.Events[i] > 0)).Distinct().Order().ToArray();
        var observed = new double[k];
        var expected = new double[k];
        var covariance = new double[k, k];
        var atRisk = new double[k];
        var events = new double[k];
        var position = new int[k];
        foreach (var time in eventTimes)
        {
            for (var g = 0; g < k; g++)
            {
                var table = tables[g];
                while (position[g] < table.Times.Count && table.Times[position[g]] < time)
                {
                    position[g]++;
                }

                var here = position[g] < table.Times.Count;
                atRisk[g] = here ? table.AtRisk[position[g]] : 0;
                events[g] = here && table.Times[position[g]] == time ? table.Events[position[g]] : 0;
            }

            var n = atRisk.Sum();
            var d = events.Sum();
            var spread = n > 1 ? d * (n - d) / (n - 1) : 0;
            for (var g = 0; g < k; g++)
            {
                observed[g] += events[g];
                expected[g] += d * atRisk[g] / n;
                for (var h = 0; h < k; h++)
                {
                    covariance[g, h] += spread * (atRisk[g] / n) * ((g == h ? 1 : 0) - (atRisk[h] / n));
                }
            }
        }

        var used = Enumerable.Range(0, k).Where(g => expected[g] > 0).ToArray();
        var degrees = used.Length - 1;
        if (degrees < 1)
        {
            return Undefined(Math.Max(degrees, 0), "Fewer than two groups expect an event; the test is not defined.");
        }

        var kept = used.Skip(1).ToArray();
        var difference = Vector<double>.Build.Dense(kept.Length, i => observed[kept[i]] - expected[kept[i]]);
        var variance = Matrix<double>.Build.Dense(kept.Length, kept.Length, (i, j) => covariance[kept[i], kept[j]]);
        var chiSquared = difference.DotProduct(variance.Solve(difference));
        return new LogRankResult
        {
            ChiSquared = chiSquared,
            DegreesOfFreedom = degrees,
            PValue = SpecialFunctions.GammaUpperRegularized(degrees / 2.0, chiSquared / 2.0),
        };
    }

    private static LogRankResult Undefined(int degrees, string reason) =>
        new() { ChiSquared = double.NaN, DegreesOfFreedom = degrees, PValue = double.NaN, Reason = reason };
}
