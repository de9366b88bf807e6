using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Tests.Analytics.Cluster;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// Cancelling a running analysis as Fractal.js does when a newer one supersedes it: <c>DELETE</c> while its activity
/// computes, then the polls it keeps sending; and the same through the native API. The analysis is terminated and
/// forgotten, its work is cancelled, the polls get the 404 Fractal.js tolerates, and until the engine has dropped what
/// the cancelled activity returned, nothing is logged as an error or with an exception.
/// </summary>
public sealed class FractalisCancelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);

    private readonly ITestOutputHelper _output;

    public FractalisCancelTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>The telemetry middleware's debug line says when each function invocation ends.</summary>
    private static readonly Dictionary<string, string?> s_settings = new()
    {
        ["AzureFunctionsJobHost:logging:logLevel:Fractal.FunctionApp.Telemetry"] = "Debug",
    };

    private static readonly object s_clusterOptions = new { method = "average", metric = "euclidean", n_row_clusters = 4, n_col_clusters = 3 };

    [Fact]
    public async Task DeleteAnalytics_WhileItsActivityRuns_TerminatesItAnswers404ToLaterPollsAndLogsNoError()
    {
        using var logs = new RecordingLoggerProvider();
        await using var app = await AppHost.StartAsync(s_settings, logs);
        using var browser = new FractalisSession(app.Client.BaseAddress!);
        var created = await browser.Client.PostAsJsonAsync("/api/fractalis/analytics", new
        {
            task_name = "compute-cluster",
            args = new { df = new GeneratedMatrix(1, 2_500, 24).ByColumn(), cluster_algo = "hclust", options = s_clusterOptions },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("task_id").GetString()!;
        await WaitForLogAsync(logs, taskId, "Starting task activity");

        using var deleted = await browser.Client.DeleteAsync(new Uri($"/api/fractalis/analytics/{taskId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        await AssertCancelledQuietlyAsync(app, logs, taskId, async () =>
        {
            using var poll = await browser.Client.GetAsync(new Uri($"/api/fractalis/analytics/{taskId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
            Assert.True((await poll.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error_msg", out _));
        });
    }

    [Fact]
    public async Task DeleteAnalysis_WhileItsActivityRuns_TerminatesItAnswers404ToLaterReadsAndLogsNoError()
    {
        using var logs = new RecordingLoggerProvider();
        await using var app = await AppHost.StartAsync(s_settings, logs);
        var session = SessionCalls.NewSession();
        var accepted = await SessionCalls.PostAcceptedAsync(app.Client, session, "/api/analytics", new
        {
            task_name = "compute-cluster",
            args = new { data = new GeneratedMatrix(2, 2_500, 24).ByRow(), cluster_algo = "hclust", options = s_clusterOptions },
        });
        var id = accepted.GetProperty("id").GetString()!;
        await WaitForLogAsync(logs, id, "Starting task activity");

        using var delete = SessionCalls.Request(HttpMethod.Delete, $"/api/analytics/{id}", session);
        using var deleted = await app.Client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        await AssertCancelledQuietlyAsync(app, logs, id, async () =>
        {
            using var read = SessionCalls.Request(HttpMethod.Get, $"/api/analytics/{id}", session);
            using var poll = await app.Client.SendAsync(read);
            Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        });
    }

    /// <summary>
    /// The instance was terminated (the engine says so in its log) and purged; every poll is 404 until the function that
    /// computed at the delete has ended and the engine has dropped the activity's outcome (a warning, as the engine
    /// reports a message for an instance that is gone); the instance stays gone, the function wrote no result after the
    /// delete had removed the analysis' blobs, and no log entry is an error or carries an exception.
    /// </summary>
    private async Task AssertCancelledQuietlyAsync(AppHost app, RecordingLoggerProvider logs, string id, Func<Task> pollAsync)
    {
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        Assert.Null(await client.GetInstanceAsync(id));
        Assert.Contains(logs.Entries, e => e.Message.Contains(id, StringComparison.Ordinal) && e.Message.Contains("'Terminated' status", StringComparison.Ordinal));
        try
        {
            await PollUntilAsync(logs, e => e.Message.Contains("function FinishAnalysis", StringComparison.Ordinal), pollAsync, $"the activity function of {id} to end");
            await PollUntilAsync(logs, e => e.Message.Contains(id, StringComparison.Ordinal) && e.Message.Contains("Discarding", StringComparison.Ordinal), pollAsync, $"the engine to drop the outcome of {id}'s activity");
        }
        finally
        {
            foreach (var entry in logs.Entries.Where(e => e.Level >= LogLevel.Warning || e.Message.Contains(id, StringComparison.Ordinal) || e.Message.Contains("FinishAnalysis", StringComparison.Ordinal)))
            {
                _output.WriteLine($"{entry.Level} {entry}");
            }
        }

        Assert.Null(await client.GetInstanceAsync(id));
        await using var result = await app.Services.GetRequiredService<AnalysisRuns>().OpenAsync(id, AnalysisResultStore.ResultName, CancellationToken.None);
        Assert.Null(result);
        Assert.True(logs.Problems.Count == 0, "Logged as errors or with exceptions:\n" + string.Join("\n", logs.Problems));
    }

    private static async Task PollUntilAsync(RecordingLoggerProvider logs, Func<RecordingLoggerProvider.LogEntry, bool> logged, Func<Task> pollAsync, string what)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!logs.Entries.Any(logged))
        {
            await pollAsync();
            Assert.True(DateTime.UtcNow < deadline, $"Waited {s_wait} for {what}.");
            await Task.Delay(250);
        }
    }

    private static async Task WaitForLogAsync(RecordingLoggerProvider logs, string id, string text)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!logs.Entries.Any(e => e.Message.Contains(id, StringComparison.Ordinal) && e.Message.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No log entry of {id} said '{text}' within {s_wait}.");
            await Task.Delay(50);
        }
    }
}
