using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Fractal.FunctionApp.Analytics;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>The analytics API end to end over HTTP on Azurite, on the demo cohort loaded through the data API.</summary>
public sealed partial class AnalyticsApiTests : IClassFixture<DemoAnalyticsFixture>
{
    private static readonly byte[] s_pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly DemoAnalyticsFixture _fixture;

    public AnalyticsApiTests(DemoAnalyticsFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string> Cases => AnalysisCases.Names;

    [Fact]
    public async Task Cases_CoverEveryAnalysisInTheCatalog()
    {
        var catalog = JsonDocument.Parse(await (await GetAsync("/api/analyses")).Content.ReadAsStringAsync()).RootElement;
        var listed = catalog.GetProperty("analyses").EnumerateArray().Select(a => a.GetProperty("task_name").GetString()!).Order(StringComparer.Ordinal);
        var covered = AnalysisCases.Names.Cast<object[]>().Select(row => AnalysisCases.Get((string)row[0], _fixture).TaskName).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(listed, covered);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_Analysis_ResultEqualsTheDomainOnTheSameInput(string name)
    {
        var analysis = AnalysisCases.Get(name, _fixture);

        var output = await RunAsync(analysis.TaskName, analysis.Args);
        var result = await ResultOfAsync(output);
        var expected = JsonNode.Parse(JsonSerializer.Serialize(await analysis.Expected(), AnalyticsJson.Options));

        Assert.Equal(analysis.TaskName, output.GetProperty("task_name").GetString());
        Assert.True(JsonNode.DeepEquals(expected, result), $"{name}: the HTTP result differs from the Domain's.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_Analysis_DrawsEachChartAsValidSvgAndPng(string name)
    {
        var analysis = AnalysisCases.Get(name, _fixture);

        var output = await RunAsync(analysis.TaskName, analysis.Args);
        var charts = output.GetProperty("charts").EnumerateArray().ToList();

        Assert.Equal(analysis.Charts, charts.Select(c => c.GetProperty("name").GetString()));
        foreach (var chart in charts)
        {
            var svg = await GetAsync(chart.GetProperty("url").GetString()!);
            var png = await GetAsync(chart.GetProperty("png_url").GetString()!);
            Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
            Assert.Equal("svg", XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root?.Name.LocalName);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            var bytes = await png.Content.ReadAsByteArrayAsync();
            Assert.Equal(s_pngSignature, bytes[..8]);
            Assert.True(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)) > 0 && BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)) > 0);
        }
    }

    [Fact]
    public async Task Post_CorrelationWithTwoSubsets_FansOutOneActivityPerGroup()
    {
        var args = new { x = _fixture.DataIds["age"], y = _fixture.DataIds["bmi"], subsets = _fixture.Halves };

        var scheduled = await ScheduledActivitiesAsync("compute-correlation", args);

        Assert.Equal(["PlanAnalysisGroups", "ComputeAnalysisGroup", "ComputeAnalysisGroup", "ComputeAnalysisGroup", "FinishAnalysis"], scheduled);
    }

    [Fact]
    public async Task Post_LimmaVolcano_FitsPerChunkThenEstimatesOnePriorThenModeratesPerChunk()
    {
        var args = new { numerical_arrays = new[] { _fixture.DataIds["genes"] }, ranking_method = "limma", subsets = _fixture.Halves };
        var chunks = (200 + DemoAnalyticsFixture.ChunkSize - 1) / DemoAnalyticsFixture.ChunkSize;

        var scheduled = await ScheduledActivitiesAsync("compute-volcanoplot", args);

        Assert.Equal(
            ["MeasureFeatureMatrix", .. Enumerable.Repeat("FitLinearModels", chunks), "EstimateLimmaPrior", .. Enumerable.Repeat("ModerateLimmaChunk", chunks), "FinishAnalysis"],
            scheduled);
    }

    [Fact]
    public async Task GetAnalyses_ListsEverySchemaWithItsParameters()
    {
        var catalog = await SendAsync(HttpMethod.Get, "/api/analyses");

        var names = catalog.Json.GetProperty("analyses").EnumerateArray().Select(a => a.GetProperty("task_name").GetString()).ToList();
        Assert.Equal(
            ["compute-correlation", "compute-boxplot", "compute-histogram", "compute-pca", "compute-heatmap", "compute-volcanoplot", "compute-cluster", "survival-analysis", "sql"],
            names);
        Assert.All(catalog.Json.GetProperty("analyses").EnumerateArray(), a => Assert.NotEmpty(a.GetProperty("parameters").EnumerateArray()));
    }

    [Fact]
    public async Task Post_UnknownTaskName_Answers400ListingTheAnalyses()
    {
        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "compute-magic", args = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("task_name", problem.Json.GetProperty("field").GetString());
        Assert.Contains("compute-correlation", problem.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("survival-analysis", problem.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DatasetOfWrongType_Answers400NamingTheArgumentAndType()
    {
        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "compute-correlation", args = new { x = _fixture.DataIds["sex"], y = _fixture.DataIds["bmi"] } });

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("x", problem.Json.GetProperty("field").GetString());
        Assert.Contains("numerical", problem.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("categorical", problem.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compute-correlation", "method", "pearson, spearman, kendall")]
    [InlineData("survival-analysis", "estimator", "KaplanMeier, NelsonAalen")]
    [InlineData("compute-volcanoplot", "ranking_method", "limma, welch")]
    [InlineData("compute-heatmap", "ranking_method", "mean, median, variance, limma")]
    [InlineData("compute-boxplot", "transformation", "identity, log2, log10, pow2, pow10")]
    public async Task Post_UnknownOption_Answers400ListingTheAllowedOnes(string taskName, string field, string allowed)
    {
        var args = BaseArgs(taskName);
        args[field] = "bogus";

        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = taskName, args });

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal(field, problem.Json.GetProperty("field").GetString());
        Assert.Contains(allowed, problem.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WelchVolcanoWithThreeSubsets_Answers400NamingSubsets()
    {
        var args = new { numerical_arrays = new[] { _fixture.DataIds["genes"] }, ranking_method = "welch", subsets = _fixture.Thirds };

        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "compute-volcanoplot", args });

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("subsets", problem.Json.GetProperty("field").GetString());
        Assert.Contains("limma", problem.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownClusterMetric_Answers400ListingTheMetrics()
    {
        var args = new { data = _fixture.DataIds["genes"], cluster_algo = "hclust", options = new { method = "average", metric = "manhattan-ish" } };

        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "compute-cluster", args });

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("options.metric", problem.Json.GetProperty("field").GetString());
        Assert.Contains("euclidean", problem.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AnotherSessionsDataset_Answers400NamingTheArgument()
    {
        var args = new { data = _fixture.DataIds["bmi"] };

        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "compute-histogram", args }, Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("data", problem.Json.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_WithoutSession_Answers404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/analytics")
        {
            Content = JsonContent.Create(new { task_name = "compute-histogram", args = new { data = _fixture.DataIds["bmi"] } }),
        };
        request.Headers.Add("x-functions-key", AppHost.Key);

        var response = await _fixture.App.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_MissingRequiredArgument_Answers400NamingIt()
    {
        var problem = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "compute-correlation", args = new { x = _fixture.DataIds["age"] } });

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal("y", problem.Json.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Get_AnotherSessionsAnalysis_Answers404()
    {
        var accepted = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "compute-histogram", args = new { data = _fixture.DataIds["age"] } });
        var id = accepted.Json.GetProperty("id").GetString();

        var mine = await SendAsync(HttpMethod.Get, $"/api/analytics/{id}");
        var theirs = await SendAsync(HttpMethod.Get, $"/api/analytics/{id}", session: Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal("compute-histogram", mine.Json.GetProperty("task_name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, theirs.Status);
    }

    [Fact]
    public async Task GetChart_UnknownFormat_Answers404()
    {
        var output = await RunAsync("compute-histogram", new { data = _fixture.DataIds["age"] });
        var url = output.GetProperty("charts")[0].GetProperty("url").GetString()!;

        var gif = await SendAsync(HttpMethod.Get, url.Replace(".svg", ".gif", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, gif.Status);
    }

    [Fact]
    public async Task Delete_Analysis_PurgesItAndItsBlobs()
    {
        var output = await RunAsync("compute-histogram", new { data = _fixture.DataIds["age"] });
        var chart = output.GetProperty("charts")[0].GetProperty("url").GetString()!;
        var id = chart.Split('/')[3];

        var deleted = await SendAsync(HttpMethod.Delete, $"/api/analytics/{id}");
        var status = await SendAsync(HttpMethod.Get, $"/api/analytics/{id}");
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(AppHost.StorageConnection).GetBlobContainerClient("results").GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{id}/" });
        var left = 0;
        await foreach (var blob in blobs)
        {
            left++;
        }

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.True(deleted.Json.GetProperty("deleted_blobs").GetInt32() >= 3);
        Assert.Equal(HttpStatusCode.NotFound, status.Status);
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task Post_ArgumentsNamingSubjects_NeverInOrchestrationInputOrHistoryAndGroupBlobsRemoved()
    {
        var ids = _fixture.DataIds;
        var args = new { data = ids["bmi"], num_bins = 8, id_filter = _fixture.Halves[0], categories = new[] { ids["sex"] } };
        var accepted = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = "compute-histogram", args });
        var statusUri = accepted.Json.GetProperty("statusQueryGetUri").GetString();

        await SessionCalls.WaitCompletedAsync(_fixture.App.Client, accepted.Json);
        var status = await _fixture.App.Client.GetFromJsonAsync<JsonElement>(new Uri($"{statusUri}&showInput=true&showHistory=true&showHistoryOutput=true"));
        var text = status.GetRawText();
        var left = new List<string>();
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(AppHost.StorageConnection).GetBlobContainerClient("results")
            .GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{accepted.Json.GetProperty("id").GetString()}/groups/" });
        await foreach (var blob in blobs)
        {
            left.Add(blob.Name);
        }

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Contains("args_blob", text, StringComparison.Ordinal);
        Assert.Contains("result_url", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S0001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S0250", text, StringComparison.Ordinal);
        Assert.Empty(left);
    }

    private Dictionary<string, object> BaseArgs(string taskName)
    {
        var ids = _fixture.DataIds;
        return taskName switch
        {
            "compute-correlation" => new() { ["x"] = ids["age"], ["y"] = ids["bmi"] },
            "survival-analysis" => new() { ["durations"] = ids["os"] },
            "compute-volcanoplot" or "compute-heatmap" => new() { ["numerical_arrays"] = new[] { ids["genes"] }, ["subsets"] = _fixture.Halves },
            _ => new() { ["variables"] = new[] { ids["age"] } },
        };
    }

    private async Task<JsonElement> RunAsync(string taskName, object args)
    {
        var accepted = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = taskName, args });
        Assert.True(accepted.Status == HttpStatusCode.Accepted, accepted.Json.ToString());
        var status = await SessionCalls.WaitForEndAsync(_fixture.App.Client, accepted.Json.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));
        Assert.True(status.GetProperty("runtimeStatus").GetString() == "Completed", status.ToString());
        return status.GetProperty("output");
    }

    /// <summary>
    /// The activities the analysis ran, in the order they completed, from its history as Durable Functions shows it
    /// (each <c>TaskCompleted</c> event names its <c>FunctionName</c>; the <c>TaskScheduled</c> events are folded into it).
    /// </summary>
    private async Task<List<string?>> ScheduledActivitiesAsync(string taskName, object args)
    {
        var accepted = await SendAsync(HttpMethod.Post, "/api/analytics", new { task_name = taskName, args });
        var status = await SessionCalls.WaitForEndAsync(_fixture.App.Client, accepted.Json.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60), "&showHistory=true");
        Assert.True(status.GetProperty("runtimeStatus").GetString() == "Completed", status.ToString());
        return [.. status.GetProperty("historyEvents").EnumerateArray()
            .Where(e => e.GetProperty("EventType").GetString() == "TaskCompleted")
            .Select(e => e.GetProperty("FunctionName").GetString())];
    }

    /// <summary>The result, from the link the output gives (the output never carries it).</summary>
    private async Task<JsonNode?> ResultOfAsync(JsonElement output)
    {
        Assert.False(output.TryGetProperty("result", out _));
        Assert.True(output.GetProperty("result_bytes").GetInt64() > 0);
        var response = await GetAsync(output.GetProperty("result_url").GetString()!);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = _fixture.Request(HttpMethod.Get, path);
        var response = await _fixture.App.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpMethod method, string path, object? body = null, string? session = null)
    {
        using var request = _fixture.Request(method, path, session);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await _fixture.App.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
