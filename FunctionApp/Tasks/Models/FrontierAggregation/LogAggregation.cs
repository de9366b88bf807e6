namespace Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

/// <summary>
/// Counts log rows per time bucket and key, with hits, as the Frontier analytics aggregated their logs; partitions'
/// counts add up to the whole's. Pure.
/// </summary>
public static class LogAggregation
{
    /// <summary>The counts of <paramref name="rows"/>; a row without a time or a key is skipped.</summary>
    public static AggregationPart Count(IEnumerable<LogRow> rows, long bucketSeconds, string? hitValue)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketSeconds, 1);
        var counts = new Dictionary<(long, string), (long Count, long Hits)>();
        long total = 0, skipped = 0;
        foreach (var row in rows)
        {
            total++;
            if (double.IsNaN(row.Time) || row.Key is null)
            {
                skipped++;
                continue;
            }

            var bucket = (long)Math.Floor(row.Time / bucketSeconds) * bucketSeconds;
            var (count, hits) = counts.GetValueOrDefault((bucket, row.Key));
            counts[(bucket, row.Key)] = (count + 1, hits + (hitValue is not null && row.Hit == hitValue ? 1 : 0));
        }

        return new AggregationPart(total, skipped, Ordered(counts.Select(c => new BucketCount(c.Key.Item1, c.Key.Item2, c.Value.Count, c.Value.Hits))));
    }

    /// <summary>The partitions' counts added up.</summary>
    public static AggregationPart Combine(IEnumerable<AggregationPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = parts.ToList();
        var groups = all.SelectMany(part => part.Groups)
            .GroupBy(group => (group.Bucket, group.Key))
            .Select(same => new BucketCount(same.Key.Bucket, same.Key.Key, same.Sum(g => g.Count), same.Sum(g => g.Hits)));
        return new AggregationPart(all.Sum(part => part.Rows), all.Sum(part => part.Skipped), Ordered(groups));
    }

    /// <summary>The counts per key over every bucket.</summary>
    public static IReadOnlyList<BucketCount> PerKey(IEnumerable<BucketCount> groups) =>
        [.. groups.GroupBy(group => group.Key, StringComparer.Ordinal)
            .Select(same => new BucketCount(0, same.Key, same.Sum(g => g.Count), same.Sum(g => g.Hits)))
            .OrderBy(group => group.Key, StringComparer.Ordinal)];

    /// <summary>Whether row <paramref name="id"/> belongs to partition <paramref name="index"/> of <paramref name="count"/> (a stable hash of the id).</summary>
    public static bool InPartition(string id, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % (uint)count == (uint)index;
    }

    private static BucketCount[] Ordered(IEnumerable<BucketCount> groups) =>
        [.. groups.OrderBy(group => group.Bucket).ThenBy(group => group.Key, StringComparer.Ordinal)];
}
