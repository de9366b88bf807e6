namespace Fractal.Domain.Statistics;

/// <summary>Ranks of a sample, as <c>scipy.stats.rankdata</c> computes them.</summary>
public static class Ranks
{
    /// <summary>Below this many values a comparison sort beats the radix sort's fixed passes.</summary>
    private const int RadixThreshold = 4_096;
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const ulong SignBit = 1UL << 63;

    /// <summary>One-based ranks; tied values share the mean of the ranks they span. NaN values must be removed first.</summary>
    public static double[] Average(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var keys = new ulong[values.Count];
        var order = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = SortableKey(values[i]);
            order[i] = i;
        }

        if (keys.Length < RadixThreshold)
        {
            Array.Sort(keys, order);
        }
        else
        {
            RadixSort(ref keys, ref order);
        }

        var ranks = new double[keys.Length];
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            var rank = (start + end + 1) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>
    /// An unsigned key that sorts as the double does: negative values have every bit flipped, others
    /// only the sign bit; -0 is read as +0 so that the two tie, as they compare equal.
    /// </summary>
    private static ulong SortableKey(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    /// <summary>A stable least-significant-digit radix sort of the keys, carrying the indices; digits all keys share are skipped.</summary>
    private static void RadixSort(ref ulong[] keys, ref int[] order)
    {
        var spareKeys = new ulong[keys.Length];
        var spareOrder = new int[keys.Length];
        var counts = new int[Buckets];
        for (var shift = 0; shift < 64; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (var key in keys)
            {
                counts[(int)((key >> shift) & (Buckets - 1))]++;
            }

            if (counts[(int)((keys[0] >> shift) & (Buckets - 1))] == keys.Length)
            {
                continue;
            }

            var offset = 0;
            for (var digit = 0; digit < Buckets; digit++)
            {
                (counts[digit], offset) = (offset, offset + counts[digit]);
            }

            for (var i = 0; i < keys.Length; i++)
            {
                var slot = counts[(int)((keys[i] >> shift) & (Buckets - 1))]++;
                spareKeys[slot] = keys[i];
                spareOrder[slot] = order[i];
            }

            (keys, spareKeys) = (spareKeys, keys);
            (order, spareOrder) = (spareOrder, order);
        }
    }
}
