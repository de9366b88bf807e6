using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>
/// Datasets of every data type, loaded through HTTP by one host process, are analysed by another: after the first
/// has stopped, and while it still runs. Each analysis must complete with the result it had in the process that
/// loaded the data. Real processes on Azurite, so nothing the first process kept in memory can help the second.
/// </summary>
public sealed class RestartTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);

    private static readonly Dictionary<string, string> s_appSettings = new()
    {
        ["FRACTAL_ETL_HANDLERS"] = "demo",
        ["FRACTAL_SECRET_KEY"] = "restart-tests-shared-secret-key-0123456789",
    };

    private readonly ITestOutputHelper _output;

    public RestartTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Analyses_InNewProcessAfterGracefulStop_CompleteWithTheResultsOfTheLoadingProcess()
    {
        await using var hub = new RecoveryHub(_output, TimeSpan.FromSeconds(30), s_appSettings);
        var first = await hub.StartWorkerAsync("a");
        var session = Guid.NewGuid().ToString("N");
        var ids = await LoadEveryDataTypeAsync(first, session);
        var before = await RunEveryAnalysisAsync(first, session, ids);

        Assert.True(await first.StopAsync(TimeSpan.FromSeconds(30)), "worker a did not stop on SIGTERM");
        var second = await hub.StartWorkerAsync("b");
        var after = await RunEveryAnalysisAsync(second, session, ids);

        AssertSameResults(before, after);
    }

    [Fact]
    public async Task Analyses_InSecondProcessWhileFirstRuns_CompleteWithTheResultsOfTheLoadingProcess()
    {
        await using var hub = new RecoveryHub(_output, TimeSpan.FromSeconds(30), s_appSettings);
        var first = await hub.StartWorkerAsync("a");
        var session = Guid.NewGuid().ToString("N");
        var ids = await LoadEveryDataTypeAsync(first, session);
        var before = await RunEveryAnalysisAsync(first, session, ids);

        var second = await hub.StartWorkerAsync("b");
        var during = await RunEveryAnalysisAsync(second, session, ids);

        Assert.False(first.HasExited);
        AssertSameResults(before, during);
    }

    /// <summary>One analysis per data type: numerical and categorical (boxplot), numerical array (PCA), time to event (survival).</summary>
    private static Dictionary<string, object> Analyses(IReadOnlyDictionary<string, string> ids) => new(StringComparer.Ordinal)
    {
        ["boxplot"] = new { task_name = "compute-boxplot", args = new { variables = new[] { ids["age"] }, categories = new[] { ids["sex"] } } },
        ["pca"] = new { task_name = "compute-pca", args = new { features = new[] { ids["genes"] }, whiten = false } },
        ["survival"] = new { task_name = "survival-analysis", args = new { durations = ids["os"], estimator = "KaplanMeier", categories = new[] { ids["sex"] } } },
    };

    private static async Task<Dictionary<string, string>> LoadEveryDataTypeAsync(WorkerProcess worker, string session)
    {
        string[] names = ["age", "sex", "genes", "os"];
        var accepted = await SessionCalls.PostAcceptedAsync(worker.Client, session, "/api/data", new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "unused" },
            descriptors = new object[]
            {
                new { field = "age", data_type = "numerical" },
                new { field = "sex", data_type = "categorical" },
                new { field_prefix = "g_", data_type = "numerical_array" },
                new { time_field = "os_months", event_field = "os_event", data_type = "time_to_event", label = "OS" },
            },
            options = new { seed = 7 },
        });
        await SessionCalls.WaitCompletedAsync(worker.Client, accepted, s_wait);
        var dataIds = accepted.GetProperty("data_ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        return names.Zip(dataIds).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, JsonNode>> RunEveryAnalysisAsync(WorkerProcess worker, string session, IReadOnlyDictionary<string, string> ids)
    {
        var results = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, body) in Analyses(ids))
        {
            var payload = await SessionCalls.PostAcceptedAsync(worker.Client, session, "/api/analytics", body);
            await SessionCalls.WaitCompletedAsync(worker.Client, payload, s_wait);

            using var read = SessionCalls.Request(HttpMethod.Get, $"/api/analytics/{payload.GetProperty("id").GetString()}/result", session);
            using var result = await worker.Client.SendAsync(read);
            Assert.Equal(HttpStatusCode.OK, result.StatusCode);
            results[name] = JsonNode.Parse(await result.Content.ReadAsStringAsync())!;
        }

        return results;
    }

    private static void AssertSameResults(Dictionary<string, JsonNode> expected, Dictionary<string, JsonNode> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, result) in expected)
        {
            Assert.True(JsonNode.DeepEquals(result, actual[name]), $"{name} differs:\n{result.ToJsonString()}\n---\n{actual[name].ToJsonString()}");
        }
    }
}
