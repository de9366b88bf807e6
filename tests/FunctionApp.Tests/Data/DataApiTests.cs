using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Fractal.Etl.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.FunctionApp.Tests.Data;

/// <summary>The data API end to end over HTTP on Azurite: load, list, isolate sessions, preview, delete.</summary>
public sealed class DataApiTests
{
    private const string Csv = "id,age,sex\n\"p1\",34,f\np2,,m\np3,51.5,\"f\"\n";

    [Fact]
    public async Task Post_ThreeDescriptorsOneUnknownColumn_TwoSucceedOneFailsNamingTheColumn()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();

        var accepted = await PostAsync(app, session, CsvRequest(
            new { field = "age", data_type = "numerical", label = "Age" },
            new { field = "sex", data_type = "categorical" },
            new { field = "bogus", data_type = "numerical" }));
        var output = await WaitAsync(app, accepted);
        var byId = output.EnumerateArray().ToDictionary(e => e.GetProperty("data_id").GetString()!);
        var ids = accepted.GetProperty("data_ids").EnumerateArray().Select(e => e.GetString()!).ToList();

        Assert.Equal("SUCCESS", byId[ids[0]].GetProperty("etl_state").GetString());
        Assert.Equal(3, byId[ids[0]].GetProperty("row_count").GetInt64());
        Assert.Equal("SUCCESS", byId[ids[1]].GetProperty("etl_state").GetString());
        Assert.Equal("FAILURE", byId[ids[2]].GetProperty("etl_state").GetString());
        Assert.Contains("bogus", byId[ids[2]].GetProperty("etl_message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHandlers_EveryHandlerAllowed_ServesEachRegisteredHandlerWithItsDescription()
    {
        await using var app = await StartAsync();
        var registry = app.Services.GetRequiredService<EtlHandlerRegistry>();

        var catalog = await GetAsync(app, SessionCalls.NewSession(), "/api/handlers");
        var served = catalog.GetProperty("handlers").EnumerateArray()
            .ToDictionary(handler => handler.GetProperty("name").GetString()!, handler => handler.GetProperty("description").GetString());

        Assert.Equal(registry.Registered, served.Keys);
        Assert.All(registry.Registered, name => Assert.Equal(registry.Get(name).Description, served[name]));
        Assert.All(served.Values, description => Assert.False(string.IsNullOrWhiteSpace(description)));
    }

    [Fact]
    public async Task Get_AfterLoad_ListsTheSessionsDatasetsAndNoneToAnother()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();
        var accepted = await PostAsync(app, session, CsvRequest(new { field = "age", data_type = "numerical" }));
        await WaitAsync(app, accepted);

        var mine = await GetAsync(app, session, "/api/data");
        var theirs = await GetAsync(app, SessionCalls.NewSession(), "/api/data");

        var dataset = Assert.Single(mine.GetProperty("datasets").EnumerateArray());
        Assert.Equal("SUCCESS", dataset.GetProperty("etl_state").GetString());
        Assert.Equal("age", dataset.GetProperty("label").GetString());
        Assert.Empty(theirs.GetProperty("datasets").EnumerateArray());
    }

    [Fact]
    public async Task GetMeta_AnotherSessionsId_Answers404()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();
        var accepted = await PostAsync(app, session, CsvRequest(new { field = "age", data_type = "numerical" }));
        await WaitAsync(app, accepted);
        var id = accepted.GetProperty("data_ids")[0].GetString();

        using var request = SessionCalls.Request(HttpMethod.Get, $"/api/data/{id}/meta", SessionCalls.NewSession());
        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetRows_Loaded_PagesTheLongForm()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();
        var accepted = await PostAsync(app, session, CsvRequest(new { field = "age", data_type = "numerical" }));
        await WaitAsync(app, accepted);
        var id = accepted.GetProperty("data_ids")[0].GetString();

        var page = await GetAsync(app, session, $"/api/data/{id}/rows?offset=1&limit=2");
        var rows = page.GetProperty("rows").EnumerateArray().ToList();

        Assert.Equal(["p2", "p3"], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("value").ValueKind);
        Assert.Equal(51.5, rows[1].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Delete_Dataset_RemovesItsBlobs()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();
        var accepted = await PostAsync(app, session, CsvRequest(new { field = "age", data_type = "numerical" }));
        await WaitAsync(app, accepted);
        var id = accepted.GetProperty("data_ids")[0].GetString();
        var container = new BlobServiceClient(AppHost.StorageConnection).GetBlobContainerClient("datasets");
        var before = await container.GetBlobClient($"{session}/{id}.parquet").ExistsAsync();

        using var request = SessionCalls.Request(HttpMethod.Delete, $"/api/data/{id}", session);
        var response = await app.Client.SendAsync(request);
        var left = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{session}/" }))
        {
            left.Add(blob.Name);
        }

        Assert.True(before.Value);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(left);
    }

    [Fact]
    public async Task Post_Demo_LoadsTheExpressionArrayByPrefix()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();

        var accepted = await PostAsync(app, session, new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "unused" },
            descriptors = new object[] { new { field_prefix = "g_", data_type = "numerical_array" }, new { time_field = "os_months", event_field = "os_event", data_type = "time_to_event", label = "OS" } },
            options = new { seed = 7 },
        });
        var output = await WaitAsync(app, accepted);

        Assert.All(output.EnumerateArray(), e => Assert.Equal("SUCCESS", e.GetProperty("etl_state").GetString()));
        Assert.Equal(500 * 200, output[0].GetProperty("row_count").GetInt64());
    }

    [Fact]
    public async Task DeleteAll_SessionWithDatasets_RemovesOnlyThatSessions()
    {
        await using var app = await StartAsync();
        var session = SessionCalls.NewSession();
        var other = SessionCalls.NewSession();
        await WaitAsync(app, await PostAsync(app, session, CsvRequest(new { field = "age", data_type = "numerical" }, new { field = "sex", data_type = "categorical" })));
        await WaitAsync(app, await PostAsync(app, other, CsvRequest(new { field = "age", data_type = "numerical" })));

        using var request = SessionCalls.Request(HttpMethod.Delete, "/api/data", session);
        var deleted = await (await app.Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var mine = await GetAsync(app, session, "/api/data");
        var theirs = await GetAsync(app, other, "/api/data");

        Assert.Equal(2, deleted.GetProperty("deleted").GetInt32());
        Assert.Empty(mine.GetProperty("datasets").EnumerateArray());
        Assert.Single(theirs.GetProperty("datasets").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"handler": "ftp", "server": "x", "descriptors": [{"field": "a", "data_type": "numerical"}]}""", "handler")]
    [InlineData("""{"handler": "csv", "descriptors": []}""", "descriptors")]
    [InlineData("""{"handler": "csv", "options": {"data": "id,a\n1,2"}, "descriptors": [{"field": "a", "data_type": "number"}]}""", "descriptors[0].data_type")]
    public async Task Post_BadRequest_Answers400NamingTheField(string body, string field)
    {
        await using var app = await StartAsync();
        using var request = SessionCalls.Request(HttpMethod.Post, "/api/data", SessionCalls.NewSession());
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await app.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_UnknownHandler_ListsTheAllowedOnes()
    {
        await using var app = await StartAsync();
        using var request = SessionCalls.Request(HttpMethod.Post, "/api/data", SessionCalls.NewSession());
        request.Content = JsonContent.Create(new { handler = "ftp", descriptors = new[] { new { field = "a", data_type = "numerical" } } });

        var response = await app.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("csv", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("demo", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutSession_SetsSessionCookie()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/data") { Content = JsonContent.Create(CsvRequest(new { field = "age", data_type = "numerical" })) };
        request.Headers.Add("x-functions-key", AppHost.Key);

        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fractal_session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Post_Token_NeverStoredInHistoryOrBlobs()
    {
        const string Secret = "planted-secret-7f3a9c";
        using var logs = new RecordingLoggerProvider();
        var hub = AppHost.NewHubName();
        await using var app = await StartAsync(logs, hub);
        var session = SessionCalls.NewSession();
        var body = new { handler = "csv", auth = new { token = Secret }, descriptors = new[] { new { field = "age", data_type = "numerical" } }, options = new { data = Csv } };

        var accepted = await PostAsync(app, session, body);
        await WaitAsync(app, accepted);
        var history = await app.Client.GetStringAsync(new Uri($"{accepted.GetProperty("statusQueryGetUri").GetString()}&showHistory=true&showHistoryOutput=true&showInput=true"));
        var blobs = new List<string>();
        var service = new BlobServiceClient(AppHost.StorageConnection);
        foreach (var container in new[] { "datasets", $"{hub.ToLowerInvariant()}-largemessages" })
        {
            var client = service.GetBlobContainerClient(container);
            if (!await client.ExistsAsync())
            {
                continue;
            }

            await foreach (var blob in client.GetBlobsAsync())
            {
                if (container != "datasets" || blob.Name.StartsWith(session, StringComparison.Ordinal))
                {
                    var content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                    blobs.Add(content.Value.Content.ToString());
                }
            }
        }

        Assert.DoesNotContain(Secret, history, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
        Assert.NotEmpty(blobs);
        Assert.All(blobs, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_InlineCsv_RowsNeverInOrchestrationInputHistoryOrMessagesAndTheUploadIsRemoved()
    {
        var rows = Enumerable.Range(0, 2_000).Select(i => $"subject-{i:x8}-zq,{1_000_000 + (i * 7.25):F2}").ToList();
        var hub = AppHost.NewHubName();
        await using var app = await StartAsync(hub: hub);
        var session = SessionCalls.NewSession();
        var body = new { handler = "csv", descriptors = new[] { new { field = "weight", data_type = "numerical" } }, options = new { data = "id,weight\n" + string.Join('\n', rows) } };

        var accepted = await PostAsync(app, session, body);
        var output = await WaitAsync(app, accepted);
        var history = await app.Client.GetStringAsync(new Uri($"{accepted.GetProperty("statusQueryGetUri").GetString()}&showHistory=true&showHistoryOutput=true&showInput=true"));
        var hubBlobs = await ReadBlobsAsync($"{hub.ToLowerInvariant()}-largemessages", prefix: null);
        var uploads = await ReadBlobsAsync("uploads", prefix: session);

        Assert.Equal(2_000, Assert.Single(output.EnumerateArray()).GetProperty("row_count").GetInt64());
        Assert.Contains("upload", history, StringComparison.Ordinal);
        Assert.DoesNotContain("-zq", history, StringComparison.Ordinal);
        Assert.DoesNotContain("1000007.25", history, StringComparison.Ordinal);
        Assert.All(hubBlobs, text => Assert.DoesNotContain("-zq", text, StringComparison.Ordinal));
        Assert.Empty(uploads);
    }

    private static async Task<List<string>> ReadBlobsAsync(string container, string? prefix)
    {
        var client = new BlobServiceClient(AppHost.StorageConnection).GetBlobContainerClient(container);
        var texts = new List<string>();
        if (!await client.ExistsAsync())
        {
            return texts;
        }

        await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            texts.Add((await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }

        return texts;
    }

    private static object CsvRequest(params object[] descriptors) => new
    {
        handler = "csv",
        auth = new { token = "t" },
        descriptors,
        options = new { data = Csv },
    };

    private static Task<AppHost> StartAsync(RecordingLoggerProvider? logs = null, string? hub = null)
    {
        var settings = AppHost.OnAzurite(hub ?? AppHost.NewHubName());
        settings[EtlSettings.HandlersSetting] = EtlSettings.EveryHandler;
        return AppHost.StartAsync(settings, logs);
    }

    private static Task<JsonElement> PostAsync(AppHost app, string session, object body) => SessionCalls.PostAcceptedAsync(app.Client, session, "/api/data", body);

    private static Task<JsonElement> GetAsync(AppHost app, string session, string path) => SessionCalls.GetAsync(app.Client, session, path);

    private static Task<JsonElement> WaitAsync(AppHost app, JsonElement accepted) => SessionCalls.WaitCompletedAsync(app.Client, accepted);
}
