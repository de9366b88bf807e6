using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Analytics.Sql;

namespace Fractal.FunctionApp.Tests.Analytics.Sql;

/// <summary>Queries over loaded datasets give what the same computation in C# gives over the same tables.</summary>
public sealed class SqlQueryRunnerTests
{
    private static readonly SqlSettings s_settings = new() { MaxRows = 10_000, TimeoutSeconds = 30, MemoryLimitMegabytes = 256, Threads = 1 };

    [Fact]
    public void Run_GroupedAggregatesOfAJoin_EqualLinqOverTheSameTables()
    {
        var age = SqlTestTables.Numbers(2_000, seed: 10);
        var cohort = SqlTestTables.Labels(2_000, seed: 11, ["A", "B", "C"]);
        var arguments = new SqlArguments(
            "SELECT c.value AS cohort, count(*) AS n, count(a.value) AS present, sum(a.value) AS total, min(a.value) AS low, max(a.value) AS high, avg(a.value) AS mean "
            + "FROM age a JOIN cohort c USING (id) GROUP BY 1 ORDER BY 1 NULLS LAST",
            new Dictionary<string, DatasetTable> { ["age"] = age, ["cohort"] = cohort });

        var result = SqlQueryRunner.Run(arguments, s_settings, CancellationToken.None);

        var expected = age.Ids.Select((id, row) => (Cohort: cohort.Labels[row], Value: age.Numbers[row]))
            .GroupBy(pair => pair.Cohort)
            .OrderBy(group => group.Key is null).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Cohort: group.Key, N: group.Count(), Present: group.Where(p => !double.IsNaN(p.Value)).Select(p => p.Value).ToList()))
            .ToList();
        Assert.Equal(expected.Select(e => e.Cohort), result.Rows.Select(row => (string?)row[0]));
        Assert.Equal(expected.Select(e => (long)e.N), result.Rows.Select(row => (long)row[1]!));
        Assert.Equal(expected.Select(e => (long)e.Present.Count), result.Rows.Select(row => (long)row[2]!));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Present.Sum(), (double)result.Rows[i][3]!, 1e-9 * expected[i].Present.Sum());
            Assert.Equal(expected[i].Present.Min(), (double)result.Rows[i][4]!);
            Assert.Equal(expected[i].Present.Max(), (double)result.Rows[i][5]!);
            Assert.Equal(expected[i].Present.Average(), (double)result.Rows[i][6]!, 1e-9 * expected[i].Present.Average());
        }
    }

    [Fact]
    public void Run_CountsPerTimeBucket_EqualLinqGroupingByTheHour()
    {
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var log = SqlTestTables.EpochSeconds(5_000, seed: 12, start, TimeSpan.FromDays(1));
        var arguments = new SqlArguments(
            "SELECT time_bucket(INTERVAL 1 HOUR, to_timestamp(value)) AS bucket, count(*) AS requests FROM log GROUP BY 1 ORDER BY 1",
            new Dictionary<string, DatasetTable> { ["log"] = log });

        var result = SqlQueryRunner.Run(arguments, s_settings, CancellationToken.None);

        var expected = log.Numbers
            .GroupBy(seconds => DateTime.UnixEpoch.AddHours(Math.Floor(seconds / 3600)))
            .OrderBy(group => group.Key)
            .Select(group => (Bucket: group.Key, Count: (long)group.Count()))
            .ToList();
        Assert.Equal(SqlValueKind.Time, result.Columns[0].Kind);
        Assert.Equal(expected.Select(e => e.Bucket), result.Rows.Select(row => ((DateTime)row[0]!).ToUniversalTime()));
        Assert.Equal(expected.Select(e => e.Count), result.Rows.Select(row => (long)row[1]!));
    }

    [Fact]
    public void Run_RatioPerInstance_EqualsLinqHitShare()
    {
        var instance = SqlTestTables.Labels(3_000, seed: 13, ["frontier-1", "frontier-2", "frontier-3"], missingShare: 0);
        var cached = DatasetTable.FromNumbers(
            DataType.Numerical, [.. instance.Ids], [.. instance.Ids.Select(_ => "cached")], [.. SqlTestTables.Numbers(3_000, seed: 14, missingShare: 0).Numbers.Select(v => v < 70 ? 1.0 : 0.0)]);
        var arguments = new SqlArguments(
            "SELECT i.value AS instance, avg(c.value) AS hit_ratio FROM instance i JOIN cached c USING (id) GROUP BY ALL ORDER BY instance",
            new Dictionary<string, DatasetTable> { ["instance"] = instance, ["cached"] = cached });

        var result = SqlQueryRunner.Run(arguments, s_settings, CancellationToken.None);

        var expected = instance.Labels.Zip(cached.Numbers)
            .GroupBy(pair => pair.First!)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Instance: group.Key, Ratio: group.Average(pair => pair.Second)))
            .ToList();
        Assert.Equal(expected.Select(e => e.Instance), result.Rows.Select(row => (string)row[0]!));
        Assert.All(expected.Zip(result.Rows), pair => Assert.Equal(pair.First.Ratio, (double)pair.Second[1]!, 1e-12));
    }

    [Fact]
    public void Run_QueryNamingAnotherTable_IsRejectedBeforeItRuns()
    {
        var arguments = new SqlArguments("SELECT * FROM other", new Dictionary<string, DatasetTable> { ["age"] = SqlTestTables.Numbers(10, seed: 15) });

        var error = Assert.Throws<AnalysisArgumentException>(() => SqlQueryRunner.Run(arguments, s_settings, CancellationToken.None));

        Assert.Equal("query", error.Argument);
    }

    [Fact]
    public void Run_CrossJoinOverTheRowLimit_FailsNamingTheSetting()
    {
        var age = SqlTestTables.Numbers(200, seed: 16);
        var arguments = new SqlArguments("SELECT a.id, b.id FROM age a, age b", new Dictionary<string, DatasetTable> { ["age"] = age });

        var error = Assert.Throws<SqlLimitExceededException>(() => SqlQueryRunner.Run(arguments, s_settings, CancellationToken.None));

        Assert.Contains($"row limit of {s_settings.MaxRows}", error.Message, StringComparison.Ordinal);
    }
}
