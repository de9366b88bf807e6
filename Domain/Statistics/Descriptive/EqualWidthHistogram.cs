using MathNet.Numerics;

namespace Fractal.Domain.Statistics.Descriptive;

/// <summary>Counts in equal-width bins as <c>numpy.histogram(values, bins=count)</c> makes them.</summary>
public static class EqualWidthHistogram
{
    /// <summary>
    /// <paramref name="binCount"/> bins from the minimum to the maximum (widened by 0.5 each way when
    /// they are equal); each bin holds its left edge, and the last bin also its right edge. Values are
    /// placed as NumPy does: by scaled offset, then corrected against the computed edges.
    /// </summary>
    /// <exception cref="ArgumentException">No values, a value that is not finite, or fewer than one bin.</exception>
    public static (int[] Counts, double[] Edges) Compute(IReadOnlyList<double> values, int binCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (values.Count == 0 || values.Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException("A histogram needs at least one value, all finite.", nameof(values));
        }

        var first = values.Min();
        var last = values.Max();
        if (first == last)
        {
            first -= 0.5;
            last += 0.5;
        }

        var edges = Generate.LinearSpaced(binCount + 1, first, last);
        var counts = new int[binCount];
        var scale = binCount / (last - first);
        foreach (var value in values)
        {
            var index = (int)((value - first) * scale);
            if (index == binCount)
            {
                index--;
            }

            if (value < edges[index])
            {
                index--;
            }
            else if (index != binCount - 1 && value >= edges[index + 1])
            {
                index++;
            }

            counts[index]++;
        }

        return (counts, edges);
    }
}
