using System.Globalization;

namespace Fractal.Etl.Handlers.Postgres;

/// <summary>Splits an integer key interval [min, max] into at most <c>count</c> contiguous ranges.</summary>
internal static class KeyRanges
{
    public static IReadOnlyList<PartitionRange> Split(long min, long max, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        var width = (Int128)max - min + 1;
        var parts = (int)Int128.Min(count, width);
        var step = (width + parts - 1) / parts;
        var ranges = new List<PartitionRange>(parts);
        for (var i = 0; i < parts; i++)
        {
            var lower = min + (step * i);
            if (lower > max)
            {
                break;
            }

            var last = i == parts - 1 || lower + step > max;
            var upper = last ? max : lower + step;
            ranges.Add(new PartitionRange(Text(lower), Text(upper), last));
            if (last)
            {
                break;
            }
        }

        return ranges;
    }

    private static string Text(Int128 value) => value.ToString(CultureInfo.InvariantCulture);
}
