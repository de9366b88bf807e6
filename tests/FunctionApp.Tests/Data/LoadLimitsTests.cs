using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Analytics;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Data;

/// <summary>
/// What one request may ask is capped, and a request at the caps does not starve other sessions: refused requests get
/// a 4xx naming the field and the limit and store nothing; a maximal load runs while another session's analysis still
/// completes promptly and the health probe stays 200. Bounded: the caps are set low enough to finish in a minute.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class LoadLimitsTests
{
    private const int MaxDescriptors = 60;
    private const int MaxPartitions = 8;
    private const int MaxFanOut = 16;

    private readonly ITestOutputHelper _output;

    public LoadLimitsTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task PostData_MoreDescriptorsThanAllowed_Answers413NamingDescriptorsAndStoresNothing()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();
        using var request = SessionCalls.Request(HttpMethod.Post, "/api/data", session);
        request.Content = JsonContent.Create(DemoLoad(MaxDescriptors + 1));

        using var response = await app.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await SessionCalls.GetAsync(app.Client, session, "/api/data");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("descriptors", problem.GetProperty("field").GetString());
        Assert.Contains($"at most {MaxDescriptors}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(EtlSettings.MaxDescriptorsSetting, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(listed.GetProperty("datasets").EnumerateArray());
    }

    [Fact]
    public async Task PostFractalisData_MoreDescriptorsThanAllowed_Answers413InFractalisShape()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/fractalis/data") { Content = JsonContent.Create(DemoLoad(MaxDescriptors + 1)) };

        using var response = await app.Client.SendAsync(request);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"at most {MaxDescriptors}", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostData_MorePartitionsThanAllowed_Answers400NamingTheOptionAndTheLimit()
    {
        await using var app = await StartAsync();
        using var request = SessionCalls.Request(HttpMethod.Post, "/api/data", SessionCalls.NewSession());
        request.Content = JsonContent.Create(new
        {
            handler = "postgres",
            descriptors = new[] { new { field = "a", data_type = "numerical" } },
            options = new { table = "t", partition_column = "k", partitions = MaxPartitions + 1 },
        });

        using var response = await app.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("options.partitions", problem.GetProperty("field").GetString());
        Assert.Contains($"at most {MaxPartitions}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAnalytics_MoreSubsetsThanAllowed_Answers413NamingSubsets()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();
        var ids = await LoadAsync(app, session, 2);
        var subsets = Enumerable.Range(0, MaxFanOut + 1).Select(i => new[] { $"S{i + 1:0000}" }).ToArray();
        using var request = SessionCalls.Request(HttpMethod.Post, "/api/analytics", session);
        request.Content = JsonContent.Create(new { task_name = "compute-correlation", args = new { x = ids[0], y = ids[1], subsets } });

        using var response = await app.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("subsets", problem.GetProperty("field").GetString());
        Assert.Contains(AnalysisSettings.MaxFanOutSetting, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaximalLoad_AnotherSessionsCorrelation_CompletesPromptlyAndHealthStays200()
    {
        await using var app = await StartAsync();
        var other = SessionCalls.NewSession();
        var ids = await LoadAsync(app, other, 2);
        var health = new List<HttpStatusCode>();

        var maximal = await SessionCalls.PostAcceptedAsync(app.Client, SessionCalls.NewSession(), "/api/data", DemoLoad(MaxDescriptors));
        var clock = Stopwatch.StartNew();
        var correlation = await SessionCalls.PostAcceptedAsync(app.Client, other, "/api/analytics", new { task_name = "compute-correlation", args = new { x = ids[0], y = ids[1] } });
        var probing = ProbeHealthAsync(app, health, correlation);
        await SessionCalls.WaitCompletedAsync(app.Client, correlation, TimeSpan.FromSeconds(60));
        var correlationTime = clock.Elapsed;
        await probing;
        var maximalOutput = await SessionCalls.WaitCompletedAsync(app.Client, maximal, TimeSpan.FromSeconds(180));
        var maximalTime = clock.Elapsed;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"correlation beside a {MaxDescriptors}-descriptor load: {correlationTime.TotalSeconds:F2} s; the load: {maximalTime.TotalSeconds:F2} s; {health.Count} health probes"));

        // Timed against the load beside it, not the clock: the machines are shared. Without the fan-out bound the
        // correlation's activities queue behind all of the load's and it ends with it.
        Assert.True(correlationTime < maximalTime * 0.75, $"The correlation took {correlationTime} beside a load of {maximalTime}.");
        Assert.True(correlationTime < TimeSpan.FromSeconds(30), $"The correlation took {correlationTime} beside the maximal load.");
        Assert.Equal(MaxDescriptors, maximalOutput.GetArrayLength());
        Assert.NotEmpty(health);
        Assert.All(health, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static async Task ProbeHealthAsync(AppHost app, List<HttpStatusCode> statuses, JsonElement until)
    {
        var statusUri = new Uri(until.GetProperty("statusQueryGetUri").GetString()!);
        while (true)
        {
            using (var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative)))
            {
                statuses.Add(response.StatusCode);
            }

            var status = await app.Client.GetFromJsonAsync<JsonElement>(statusUri);
            if (status.GetProperty("runtimeStatus").GetString() is not ("Pending" or "Running"))
            {
                return;
            }
        }
    }

    private static object DemoLoad(int descriptors) => new
    {
        handler = "demo",
        server = "demo",
        auth = new { token = "unused" },
        descriptors = Enumerable.Range(0, descriptors).Select(i => new { field = i % 2 == 0 ? "age" : "bmi", data_type = "numerical" }).ToArray(),
    };

    private static async Task<string[]> LoadAsync(AppHost app, string session, int descriptors)
    {
        var accepted = await SessionCalls.PostAcceptedAsync(app.Client, session, "/api/data", DemoLoad(descriptors));
        await SessionCalls.WaitCompletedAsync(app.Client, accepted);
        return [.. accepted.GetProperty("data_ids").EnumerateArray().Select(id => id.GetString()!)];
    }

    private static Task<AppHost> StartAsync()
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo,postgres";
        settings[EtlSettings.MaxDescriptorsSetting] = MaxDescriptors.ToString(CultureInfo.InvariantCulture);
        settings[EtlSettings.MaxPartitionsSetting] = MaxPartitions.ToString(CultureInfo.InvariantCulture);
        settings[AnalysisSettings.MaxFanOutSetting] = MaxFanOut.ToString(CultureInfo.InvariantCulture);
        return AppHost.StartAsync(settings);
    }
}
