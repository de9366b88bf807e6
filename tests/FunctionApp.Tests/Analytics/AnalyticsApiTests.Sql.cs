using System.Net;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>The <c>sql</c> analysis over HTTP: results, 400s before a query runs, and Failed tasks over a limit.</summary>
public sealed partial class AnalyticsApiTests
{
    [Fact]
    public async Task Post_SqlMeanAgePerCohort_EqualsLinqOverTheDatasets()
    {
        var query = "SELECT c.value AS cohort, count(*) AS n, avg(a.value) AS mean_age FROM age a JOIN cohort c USING (id) WHERE a.value IS NOT NULL GROUP BY 1 ORDER BY 1";

        var output = await RunAsync("sql", new { query, tables = SqlTables("age", "cohort") });
        var rows = (await ResultOfAsync(output))!["rows"]!.AsArray().Select(row => row!.AsArray()).ToList();

        var age = await _fixture.TableAsync("age");
        var cohort = await _fixture.TableAsync("cohort");
        var ageOf = age.Ids.Select((id, row) => (id, value: age.Numbers[row])).Where(p => !double.IsNaN(p.value)).ToDictionary(p => p.id, p => p.value, StringComparer.Ordinal);
        var expected = cohort.Ids.Select((id, row) => (Id: id, Cohort: cohort.Labels[row]))
            .Where(p => ageOf.ContainsKey(p.Id))
            .GroupBy(p => p.Cohort)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Cohort: g.Key, N: g.Count(), Mean: g.Average(p => ageOf[p.Id])))
            .ToList();
        Assert.Equal(expected.Select(e => e.Cohort), rows.Select(r => r[0]?.GetValue<string>()));
        Assert.Equal(expected.Select(e => e.N), rows.Select(r => r[1]!.GetValue<int>()));
        Assert.All(expected.Zip(rows), pair => Assert.Equal(pair.First.Mean, pair.Second[2]!.GetValue<double>(), 1e-9 * Math.Abs(pair.First.Mean)));
    }

    [Fact]
    public async Task Post_SqlTableWithFeatureFilter_SeesOnlyTheKeptValues()
    {
        var labels = (await _fixture.TableAsync("cohort")).Labels.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var kept = labels[0];
        var tables = new Dictionary<string, object> { ["cohort"] = new { id = _fixture.DataIds["cohort"], filters = new { feature = new[] { kept } } } };

        var output = await RunAsync("sql", new { query = "SELECT DISTINCT value FROM cohort ORDER BY 1", tables });

        Assert.True(labels.Count > 1);
        Assert.Equal([kept], (await ResultOfAsync(output))!["rows"]!.AsArray().Select(r => r![0]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("DELETE FROM age", "SELECT")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other", "SELECT")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "read_csv")]
    [InlineData("SELECT * FROM bmi", "'bmi'")]
    public async Task Post_SqlThatWritesAttachesReadsAFileOrAnUnlistedTable_Answers400NamingQuery(string query, string reason)
    {
        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "sql", args = new { query, tables = SqlTables("age") } });

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("query", problem.Json.GetProperty("field").GetString());
        Assert.Contains(reason, problem.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SqlTableOfAnotherSession_Answers400NamingTheTable()
    {
        var args = new { query = "SELECT count(*) FROM age", tables = SqlTables("age") };

        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "sql", args }, Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("tables.age", problem.Json.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_SqlTableNameThatIsNoIdentifier_Answers400NamingIt()
    {
        var args = new { query = "SELECT 1", tables = new Dictionary<string, string> { ["age-years"] = _fixture.DataIds["age"] } };

        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "sql", args });

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("tables.age-years", problem.Json.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_SqlOverTheRowLimit_EndsFailedNamingTheLimit()
    {
        var args = new { query = "SELECT a.id, b.id FROM age a, age b", tables = SqlTables("age") };

        var (status, error) = await FinishedAsync("sql", args);

        Assert.Equal("Failed", status);
        Assert.Contains("row limit of 100000", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SqlOverTheTimeLimit_EndsFailedNamingTheLimit()
    {
        var args = new { query = "SELECT count(*) FROM genes a, genes b WHERE a.value + b.value < -1e9", tables = SqlTables("genes") };

        var (status, error) = await FinishedAsync("sql", args);

        Assert.Equal("Failed", status);
        Assert.Contains($"time limit of {DemoAnalyticsFixture.SqlTimeoutSeconds} s", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RunningAnalysis_TerminatesItThenPurgesIt()
    {
        var args = new { query = "SELECT count(*) FROM genes a, genes b WHERE a.value + b.value < -1e9", tables = SqlTables("genes") };
        var accepted = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "sql", args });
        var id = accepted.Json.GetProperty("id").GetString()!;

        var deleted = await SendAsync(HttpMethod.Delete, $"/api/analytics/{id}");
        var status = await SendAsync(HttpMethod.Get, $"/api/analytics/{id}");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.True(deleted.Json.GetProperty("purged").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, status.Status);
    }

    private Dictionary<string, string> SqlTables(params string[] names) =>
        names.ToDictionary(name => name, name => _fixture.DataIds[name], StringComparer.Ordinal);

    /// <summary>Starts an analysis, waits for it to end, and reads its state and error through <c>GET /api/analytics/{id}</c>.</summary>
    private async Task<(string? Status, string Error)> FinishedAsync(string taskName, object args)
    {
        var accepted = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = taskName, args });
        Assert.True(accepted.Status == HttpStatusCode.Accepted, accepted.Json.ToString());
        await SessionCalls.WaitForEndAsync(_fixture.App.Client, accepted.Json.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));

        var state = await SendAsync(HttpMethod.Get, $"/api/analytics/{accepted.Json.GetProperty("id").GetString()}");
        Assert.True(state.Json.TryGetProperty("error", out var error), state.Json.ToString());
        return (state.Json.GetProperty("runtimeStatus").GetString(), error.ValueKind == JsonValueKind.String ? error.GetString()! : string.Empty);
    }
}
