namespace Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

/// <summary>
/// Generated Frontier access logs, pure and reproducible: row <c>r</c> of a seed is the same whatever partition makes
/// it, so a partition generates only its own range of rows. A row every two seconds from 2023-11-14, over eight sites
/// whose cache hit ratios differ.
/// </summary>
public static class DemoLogs
{
    public const long Start = 1_700_000_000;

    private static readonly string[] s_sites = ["CERN", "BNL", "FNAL", "TRIUMF", "RAL", "IN2P3", "KIT", "NDGF"];

    /// <summary>Rows <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public static IEnumerable<LogRow> Rows(int seed, long first, long count)
    {
        for (var row = first; row < first + count; row++)
        {
            var bits = Mix(((ulong)(uint)seed << 40) ^ (ulong)row);
            var site = (int)(bits % (ulong)s_sites.Length);
            var hit = (bits >> 8) % 100 < (ulong)(50 + (site * 6));
            yield return new LogRow($"r{row}", Start + (row * 2) + (double)((bits >> 16) % 2), s_sites[site], hit ? "hit" : "miss");
        }
    }

    /// <summary>The range of rows of partition <paramref name="index"/> of <paramref name="count"/>.</summary>
    public static (long First, long Count) Range(long rows, int index, int count)
    {
        var first = rows * index / count;
        return (first, (rows * (index + 1) / count) - first);
    }

    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}
