using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DurableTask.Core;
using Fractal.Domain.Analyses.Cluster;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Tests.Analytics.Cluster;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>
/// SIGTERM while analyses run, as a platform stops an instance: the local-host process exits within seconds, and a new
/// process on the same task hub runs what was in flight to the results the analyses have when nothing stops them.
/// </summary>
public sealed class ShutdownTests
{
    private const int AnalysisCount = 3;

    /// <summary>The rows each clustered matrix has: enough that hierarchical clustering takes seconds, not milliseconds.</summary>
    private const int RowCount = 2_500;

    private const int ColumnCount = 24;

    /// <summary>A generous bound, measured from the signal, for a machine shared with other test runs.</summary>
    private static readonly TimeSpan s_stopLimit = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(180);

    private readonly ITestOutputHelper _output;

    public ShutdownTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Sigterm_WhileAnalysesRun_ExitsWithinFiveSecondsAndTheyCompleteInTheNextProcess()
    {
        // A work-item visibility timeout far longer than the test's wait: the next process can only run what was in
        // flight in time if the stopping process handed it back.
        await using var hub = new RecoveryHub(_output, TimeSpan.FromMinutes(5));
        var first = await hub.StartWorkerAsync("a");
        var session = SessionCalls.NewSession();
        var requests = Enumerable.Range(0, AnalysisCount).Select(ClusterRequest).ToList();
        var accepted = new List<JsonElement>();
        foreach (var request in requests)
        {
            accepted.Add(await SessionCalls.PostAcceptedAsync(first.Client, session, "/api/analytics", request));
        }

        await WaitUntilActivitiesRunAsync(first, accepted);
        hub.Log($"every analysis runs its activity; sending SIGTERM at {DateTime.UtcNow:HH:mm:ss.fff}");
        var stopwatch = Stopwatch.StartNew();
        var stopped = await first.StopAsync(TimeSpan.FromSeconds(60));
        stopwatch.Stop();
        hub.Log(string.Create(CultureInfo.InvariantCulture, $"worker a exited {stopwatch.Elapsed.TotalSeconds:F2} s after SIGTERM (code {(stopped ? first.ExitCode : -1)})"));
        Assert.True(stopped, "worker a had not exited a minute after SIGTERM");
        Assert.True(stopwatch.Elapsed < s_stopLimit, $"worker a took {stopwatch.Elapsed.TotalSeconds:F2} s to exit after SIGTERM");
        Assert.Equal(0, first.ExitCode);
        var problems = first.Tail(100_000).Split('\n').Where(line => line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, "worker a logged errors:\n" + string.Join('\n', problems));
        foreach (var payload in accepted)
        {
            Assert.Equal(OrchestrationStatus.Running, await hub.StatusAsync(payload.GetProperty("id").GetString()!));
        }

        var second = await hub.StartWorkerAsync("b");
        for (var i = 0; i < AnalysisCount; i++)
        {
            // The status URL names the stopped worker's address: ask the new one at the same path.
            var statusUri = new Uri(second.Client.BaseAddress!, new Uri(accepted[i].GetProperty("statusQueryGetUri").GetString()!).PathAndQuery);
            var status = await SessionCalls.WaitForEndAsync(second.Client, statusUri.ToString(), s_wait);
            Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
            hub.Log($"analysis {i} completed in worker b");
            var actual = await ReadResultAsync(second, session, accepted[i]);
            var expected = ClusterAnalysis.Run(ClusterArguments.FromDataset(
                InlineMatrix.Read(JsonSerializer.SerializeToElement(requests[i]).GetProperty("args").GetProperty("data"), "data"), "hclust", Options));
            Assert.Equal(expected.RowClusters, actual.RowClusters);
            Assert.Equal(expected.ColumnClusters, actual.ColumnClusters);
            Assert.Equal(expected.RowLinkage, actual.RowLinkage);
            Assert.Equal(expected.ColumnLinkage, actual.ColumnLinkage);
        }
    }

    private static ClusterOptions Options { get; } = new() { Method = "average", Metric = "euclidean", RowClusters = 4, ColumnClusters = 3 };

    /// <summary>A <c>compute-cluster</c> of a generated matrix, the same for the same <paramref name="seed"/>.</summary>
    private static object ClusterRequest(int seed) => new
    {
        task_name = ClusterAnalysis.TaskName,
        args = new
        {
            data = new GeneratedMatrix(seed, RowCount, ColumnCount).ByRow(),
            cluster_algo = "hclust",
            options = new { method = Options.Method, metric = Options.Metric, n_row_clusters = Options.RowClusters, n_col_clusters = Options.ColumnClusters },
        },
    };

    /// <summary>Waits until the worker's log shows the activity of every analysis started.</summary>
    private static async Task WaitUntilActivitiesRunAsync(WorkerProcess worker, IReadOnlyList<JsonElement> accepted)
    {
        var ids = accepted.Select(a => a.GetProperty("id").GetString()!).ToList();
        var deadline = DateTime.UtcNow + s_wait;
        while (true)
        {
            var log = worker.Tail(5_000);
            if (ids.All(id => log.Split('\n').Any(line => line.Contains(id, StringComparison.Ordinal) && line.Contains("Starting task activity", StringComparison.Ordinal))))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The activities had not started within {s_wait}:\n{worker.Tail(40)}");
            await Task.Delay(100);
        }
    }

    private static async Task<ClusterResult> ReadResultAsync(WorkerProcess worker, string session, JsonElement accepted)
    {
        using var read = SessionCalls.Request(HttpMethod.Get, $"/api/analytics/{accepted.GetProperty("id").GetString()}/result", session);
        using var response = await worker.Client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClusterResult>())!;
    }
}
