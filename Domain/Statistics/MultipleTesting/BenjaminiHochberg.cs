namespace Fractal.Domain.Statistics.MultipleTesting;

/// <summary>
/// The Benjamini–Hochberg step-up adjustment that controls the false discovery rate, as R's
/// <c>p.adjust(p, method = "BH")</c> computes it: missing p-values (NaN) stay missing and do not count.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>The adjusted p-values, in the order of <paramref name="pValues"/>.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var adjusted = new double[pValues.Count];
        var present = new List<int>(pValues.Count);
        for (var i = 0; i < pValues.Count; i++)
        {
            if (double.IsNaN(pValues[i]))
            {
                adjusted[i] = double.NaN;
            }
            else
            {
                present.Add(i);
            }
        }

        var order = present.ToArray();
        var keys = new double[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            keys[i] = pValues[order[i]];
        }

        // Ascending by p: the rank of each p among the present ones is its position + 1.
        Array.Sort(keys, order);
        var count = order.Length;
        var runningMin = double.PositiveInfinity;
        for (var rank = count; rank >= 1; rank--)
        {
            var candidate = (double)count / rank * keys[rank - 1];
            runningMin = Math.Min(runningMin, candidate);
            adjusted[order[rank - 1]] = Math.Min(1.0, runningMin);
        }

        return adjusted;
    }
}
