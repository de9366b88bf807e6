using System.Text.Json;
using Microsoft.Playwright;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// A portal page in Chromium calls the Fractalis API from another port, as Fractal.js' axios does:
/// the preflights pass for the allowed origin, the cookie session holds across calls, and the browser
/// refuses the calls of an origin the app does not allow. The survival, heatmap and DESeq2 volcano flows send what
/// Fractal.js 1.4.1's charts send, a superseded analysis is cancelled as Fractal.js cancels it, and fresh pages
/// race their first calls as Fractal.js does. Whatever
/// a test has the browser do, the server logs no error for it (checked when the test ends).
/// </summary>
public sealed class FractalisBrowserTests : IClassFixture<BrowserFixture>, IDisposable
{
    private static readonly object[] s_ageOnly = [new { field = "age", data_type = "numerical" }];
    private readonly BrowserFixture _fixture;
    private readonly int _logsBefore;

    public FractalisBrowserTests(BrowserFixture fixture)
    {
        _fixture = fixture;
        _logsBefore = fixture.Logs.Entries.Count;
    }

    public void Dispose()
    {
        var errors = _fixture.Logs.Entries.Skip(_logsBefore).Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "The server logged errors while the browser drove it:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task FractalJsLoop_FromAllowedOrigin_RunsInOneCookieSession()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context, _fixture.AllowedPortal);

        var version = await CallAsync(page, "GET", "/misc/version");
        var load = await CallAsync(page, "POST", "/data", LoadRequest(s_ageOnly));
        var ageId = (await WaitForDataAsync(page))["age"];
        var created = await CallAsync(page, "POST", "/analytics", new
        {
            task_name = "compute-histogram",
            args = new { data = $"${ageId}$", num_bins = 10, bw_factor = 0.5, id_filter = Array.Empty<string>(), subsets = Array.Empty<string[]>(), categories = Array.Empty<string>() },
        });
        var status = await WaitForTaskAsync(page, TaskId(created));
        var parses = await page.EvaluateAsync<bool>("r => typeof JSON.parse(r) === 'object'", status.GetProperty("result").GetString());
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "fractal_session");

        Assert.Equal(201, version.Status);
        Assert.Equal("1.4.0", JsonDocument.Parse(version.Body).RootElement.GetProperty("version").GetString());
        Assert.Equal(201, load.Status);
        Assert.Equal(201, created.Status);
        Assert.Equal("SUCCESS", status.GetProperty("state").GetString());
        Assert.True(parses);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
    }

    [Fact]
    public async Task Delete_FromAllowedOrigin_PassesThePreflightAndRemovesTheData()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context, _fixture.AllowedPortal);
        await CallAsync(page, "POST", "/data", LoadRequest(s_ageOnly));
        var ageId = (await WaitForDataAsync(page))["age"];

        var deleted = await CallAsync(page, "DELETE", $"/data/{ageId}");
        var left = await CallAsync(page, "GET", "/data");

        Assert.Equal(200, deleted.Status);
        Assert.Empty(JsonDocument.Parse(left.Body).RootElement.GetProperty("data_states").EnumerateArray());
    }

    [Fact]
    public async Task Calls_FromAnOriginNotAllowed_AreRefusedByTheBrowserAndChangeNothing()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var portal = await OpenAsync(context, _fixture.AllowedPortal);
        var stranger = await OpenAsync(context, _fixture.RefusedPortal);
        await CallAsync(portal, "GET", "/misc/version");

        var read = await CallAsync(stranger, "GET", "/data");
        var write = await CallAsync(stranger, "POST", "/data", LoadRequest(s_ageOnly));
        var data = await CallAsync(portal, "GET", "/data");

        Assert.Equal(0, read.Status);
        Assert.Equal(0, write.Status);
        Assert.Equal(200, data.Status);
        Assert.Empty(JsonDocument.Parse(data.Body).RootElement.GetProperty("data_states").EnumerateArray());
    }

    [Fact]
    public async Task Cancel_AsFractalJsSupersedesAnAnalysis_Answers200AndLaterPollsGet404()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context, _fixture.AllowedPortal);
        var options = new { method = "average", metric = "euclidean", n_row_clusters = 4, n_col_clusters = 3 };

        var created = await CallAsync(page, "POST", "/analytics", new
        {
            task_name = "compute-cluster",
            args = new { df = new Analytics.Cluster.GeneratedMatrix(3, 2_500, 24).ByColumn(), cluster_algo = "hclust", options },
        });
        var deleted = await CallAsync(page, "DELETE", $"/analytics/{TaskId(created)}");
        var poll = await CallAsync(page, "GET", $"/analytics/{TaskId(created)}");

        Assert.Equal(201, created.Status);
        Assert.Equal(200, deleted.Status);
        Assert.Equal(404, poll.Status);
        Assert.True(JsonDocument.Parse(poll.Body).RootElement.TryGetProperty("error_msg", out _));
    }

    [Fact]
    public async Task Survival_WithACategoricalObservedAsTheChartSendsIt_DrawsEvents()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context, _fixture.AllowedPortal);
        await CallAsync(page, "POST", "/data", LoadRequest([new { field = "os_months", data_type = "numerical" }, new { field = "os_status", data_type = "categorical" }]));
        var ids = await WaitForDataAsync(page);

        var created = await CallAsync(page, "POST", "/analytics", new
        {
            task_name = "survival-analysis",
            args = new
            {
                durations = new[] { $"${ids["os_months"]}$" },
                categories = Array.Empty<string>(),
                event_observed = new[] { $"${ids["os_status"]}$" },
                estimator = "KaplanMeier",
                id_filter = Array.Empty<string>(),
                subsets = Array.Empty<string[]>(),
            },
        });
        var status = await WaitForTaskAsync(page, TaskId(created));
        var lowest = await page.EvaluateAsync<double>(
            "r => Math.min(...Object.values(JSON.parse(r).stats).flatMap(c => Object.values(c)).flatMap(g => g.estimate))",
            status.GetProperty("result").GetString());

        Assert.Equal(201, created.Status);
        Assert.Equal("SUCCESS", status.GetProperty("state").GetString());
        Assert.True(lowest < 1);
    }

    [Fact]
    public async Task HeatmapKMeans_AsTheChartSendsIt_FailsQuietlyBeforeTheHeatmapThenClusters()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context, _fixture.AllowedPortal);
        await CallAsync(page, "POST", "/data", LoadRequest([new { field_prefix = "g_", data_type = "numerical_array", label = "genes" }]));
        var genes = (await WaitForDataAsync(page))["genes"];
        var options = new { method = string.Empty, metric = string.Empty, n_row_clusters = 2, n_col_clusters = 2, n_row_centroids = 2, n_col_centroids = 3 };

        var early = await CallAsync(page, "POST", "/analytics", new { task_name = "compute-cluster", args = new { df = new { }, cluster_algo = "kmeans", options } });
        var earlyStatus = await WaitForTaskAsync(page, TaskId(early));
        var heatmap = await CallAsync(page, "POST", "/analytics", new
        {
            task_name = "compute-heatmap",
            args = new
            {
                numerical_arrays = new[] { $"${genes}$" },
                numericals = Array.Empty<string>(),
                categoricals = Array.Empty<string>(),
                ranking_method = "mean",
                @params = new { },
                id_filter = Array.Empty<string>(),
                max_rows = 10,
                subsets = Array.Empty<string[]>(),
            },
        });
        var heatmapStatus = await WaitForTaskAsync(page, TaskId(heatmap));
        // As Heatmap.vue does: the z-scores become df = {id: {feature: zscore}} for compute-cluster.
        var reply = await page.EvaluateAsync<JsonElement>(
            """
            ([node, result, options]) => {
              const data = JSON.parse(result).data, df = {};
              data.id.forEach((id, i) => { (df[id] = df[id] || {})[data.feature[i]] = data.zscore[i]; });
              return window.fractalis(node, 'POST', '/analytics', { task_name: 'compute-cluster', args: { df, cluster_algo: 'kmeans', options } });
            }
            """,
            new object[] { _fixture.FractalisNode, heatmapStatus.GetProperty("result").GetString()!, options });
        var cluster = new Reply(reply.GetProperty("status").GetInt32(), reply.GetProperty("body").GetString()!);
        var clusterStatus = await WaitForTaskAsync(page, TaskId(cluster));
        var rowClusters = JsonDocument.Parse(clusterStatus.GetProperty("result").GetString()!).RootElement.GetProperty("row_clusters");

        Assert.Equal(201, early.Status);
        Assert.Equal("FAILURE", earlyStatus.GetProperty("state").GetString());
        Assert.Equal("SUCCESS", heatmapStatus.GetProperty("state").GetString());
        Assert.Equal(201, cluster.Status);
        Assert.Equal("SUCCESS", clusterStatus.GetProperty("state").GetString());
        Assert.Equal(10, rowClusters.GetArrayLength());
    }

    [Fact]
    public async Task VolcanoDESeq2_AsTheChartSendsIt_GivesThePointsItPlots()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context, _fixture.AllowedPortal);
        await CallAsync(page, "POST", "/data", LoadRequest([new { field_prefix = "r_", data_type = "numerical_array", label = "counts" }]));
        var counts = (await WaitForDataAsync(page))["counts"];
        string[][] subsets = [[.. Enumerable.Range(1, 40).Select(i => $"S{i:0000}")], [.. Enumerable.Range(41, 40).Select(i => $"S{i:0000}")]];

        var created = await CallAsync(page, "POST", "/analytics", new
        {
            task_name = "compute-volcanoplot",
            args = new
            {
                numerical_arrays = new[] { $"${counts}$" },
                id_filter = Array.Empty<string>(),
                @params = new { min_total_row_count = 10 },
                ranking_method = "DESeq2",
                subsets,
            },
        });
        var status = await WaitForTaskAsync(page, TaskId(created));
        // As Volcanoplot.vue does for DESeq2: x = log2FoldChange, y = -log10(pvalue), finite points only.
        var points = await page.EvaluateAsync<int>(
            """
            r => {
              const stats = JSON.parse(r).stats;
              return stats.feature.filter((_, i) => isFinite(stats.log2FoldChange[i]) && isFinite(-Math.log10(stats.pvalue[i]))).length;
            }
            """,
            status.GetProperty("result").GetString());

        Assert.Equal(201, created.Status);
        Assert.Equal("SUCCESS", status.GetProperty("state").GetString());
        Assert.InRange(points, 150, 200);
    }

    [Fact]
    public async Task FreshPages_FirstThreeCallsRacingWithoutCookie_ListTheirDataWithinSeconds()
    {
        for (var run = 0; run < 10; run++)
        {
            await using var context = await _fixture.Browser.NewContextAsync();
            var page = await OpenAsync(context, _fixture.AllowedPortal);

            var statuses = await page.EvaluateAsync<int[]>(
                """
                ([node, load]) => Promise.all([
                  window.fractalis(node, 'GET', '/misc/version'),
                  window.fractalis(node, 'GET', '/data'),
                  window.fractalis(node, 'POST', '/data', load),
                ]).then(replies => replies.map(reply => reply.status))
                """,
                new object[] { _fixture.FractalisNode, LoadRequest(s_ageOnly) });
            var listed = await ListedWithinAsync(page, TimeSpan.FromSeconds(5));

            Assert.Equal([201, 200, 201], statuses);
            Assert.True(listed, $"Run {run}: the data loaded by the racing first calls was not listed within 5 s.");
        }
    }

    /// <summary>Whether <c>GET /data</c> lists a dataset within <paramref name="limit"/>, counted in polls 100 ms apart.</summary>
    private async Task<bool> ListedWithinAsync(IPage page, TimeSpan limit)
    {
        for (var attempt = 0; attempt < limit.TotalMilliseconds / 100; attempt++)
        {
            if (JsonDocument.Parse((await CallAsync(page, "GET", "/data")).Body).RootElement.GetProperty("data_states").GetArrayLength() > 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static string TaskId(Reply created) => JsonDocument.Parse(created.Body).RootElement.GetProperty("task_id").GetString()!;

    private static object LoadRequest(object[] descriptors) =>
        new { handler = "demo", server = "demo", auth = new { token = "portal-token" }, descriptors };

    private static async Task<IPage> OpenAsync(IBrowserContext context, PortalPageServer portal)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Address.ToString());
        return page;
    }

    private async Task<Reply> CallAsync(IPage page, string method, string path, object? body = null)
    {
        var reply = await page.EvaluateAsync<JsonElement>(
            "([node, method, path, body]) => window.fractalis(node, method, path, body)", new[] { _fixture.FractalisNode, method, path, body });
        return new Reply(reply.GetProperty("status").GetInt32(), reply.GetProperty("body").GetString() ?? string.Empty);
    }

    /// <summary>Polls <c>GET /data</c> until every dataset is loaded; the ids by label.</summary>
    private async Task<Dictionary<string, string>> WaitForDataAsync(IPage page)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var states = JsonDocument.Parse((await CallAsync(page, "GET", "/data")).Body).RootElement.GetProperty("data_states").EnumerateArray().ToList();
            if (states.Count > 0 && states.All(s => s.GetProperty("etl_state").GetString() == "SUCCESS"))
            {
                return states.ToDictionary(s => s.GetProperty("label").GetString()!, s => s.GetProperty("task_id").GetString()!);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The data did not load.");
    }

    private async Task<JsonElement> WaitForTaskAsync(IPage page, string taskId)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var status = JsonDocument.Parse((await CallAsync(page, "GET", $"/analytics/{taskId}")).Body).RootElement;
            if (status.GetProperty("state").GetString() != "SUBMITTED")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Task {taskId} did not finish.");
    }

    private sealed record Reply(int Status, string Body);
}
