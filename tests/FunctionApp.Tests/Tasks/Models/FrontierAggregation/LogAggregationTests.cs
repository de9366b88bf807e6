using Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

namespace Fractal.FunctionApp.Tests.Tasks.Models.FrontierAggregation;

public sealed class LogAggregationTests
{
    [Fact]
    public void Count_Rows_CountsPerBucketAndKeyWithHitsAndSkipsRowsWithoutTimeOrKey()
    {
        LogRow[] rows =
        [
            new("a", 100, "X", "hit"), new("b", 119, "X", "miss"), new("c", 120, "X", "hit"),
            new("d", 121, "Y", "hit"), new("e", double.NaN, "Y", "hit"), new("f", 130, null, "hit"),
        ];

        var counted = LogAggregation.Count(rows, bucketSeconds: 60, hitValue: "hit");

        Assert.Equal(6, counted.Rows);
        Assert.Equal(2, counted.Skipped);
        Assert.Equal([(60L, "X", 2L, 1L), (120L, "X", 1L, 1L), (120L, "Y", 1L, 1L)], counted.Groups.Select(g => (g.Bucket, g.Key, g.Count, g.Hits)));
        Assert.Equal(0.5, counted.Groups[0].HitRatio);
    }

    [Fact]
    public void Combine_PartitionsByIdHash_AddsUpToTheWholesCounts()
    {
        var rows = DemoLogs.Rows(seed: 5, first: 0, count: 20_000).ToList();
        var whole = LogAggregation.Count(rows, 600, "hit");

        var parts = Enumerable.Range(0, 7).Select(i => LogAggregation.Count(rows.Where(r => LogAggregation.InPartition(r.Id, i, 7)), 600, "hit"));
        var combined = LogAggregation.Combine(parts);

        Assert.Equal(whole.Rows, combined.Rows);
        Assert.Equal(whole.Groups, combined.Groups);
    }

    [Fact]
    public void InPartition_EveryId_BelongsToExactlyOnePartition()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"id-{i}");

        Assert.All(ids, id => Assert.Single(Enumerable.Range(0, 5), i => LogAggregation.InPartition(id, i, 5)));
    }

    [Fact]
    public void PerKey_Groups_SumsEveryBucketOfAKey()
    {
        BucketCount[] groups = [new(0, "X", 3, 1), new(60, "X", 1, 1), new(0, "Y", 2, 0)];

        var perKey = LogAggregation.PerKey(groups);

        Assert.Equal([("X", 4L, 2L), ("Y", 2L, 0L)], perKey.Select(k => (k.Key, k.Count, k.Hits)));
    }
}
