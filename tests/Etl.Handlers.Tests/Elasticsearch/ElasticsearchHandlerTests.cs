using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fractal.Etl.Handlers.Elasticsearch;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Elasticsearch;

public sealed class ElasticsearchHandlerTests
{
    private const string ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";

    private readonly ElasticsearchHandler _handler = new();

    private static IEnumerable<(string Id, JsonObject Source)> Logs(int count) =>
        Enumerable.Range(0, count).Select(i => (
            $"doc-{i:000}",
            new JsonObject
            {
                ["@timestamp"] = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["host"] = new JsonObject { ["name"] = $"web-{i % 3}" },
                ["http"] = new JsonObject { ["response"] = new JsonObject { ["time_ms"] = 10.5 + i } },
            }));

    private static EtlExtractContext Context(HttpClient client, string? token = ApiKey) => TestSettings.Context(token: token, client: client);

    private static HttpClient Client(TimeSpan? timeout = null) =>
        new(SourceHttp.CreateHandler(TestSettings.Create())) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Extract_SeveralPages_ReadsEveryHitOnceWithSearchAfter()
    {
        await using var server = new FakeElasticsearch("logs", Logs(7), $"ApiKey {ApiKey}");
        using var client = Client();
        var source = Requests.Source("elasticsearch", new { index = "logs", time_field = "@timestamp", page_size = 3 }, server.Url);

        var table = await EtlRun.ExtractAsync(_handler, source, Requests.Numerical("http.response.time_ms"), Context(client));

        Assert.Equal(7, table.RowCount);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"doc-{i:000}"), table.Ids);
        Assert.Equal(3, server.Searches.Count);
        Assert.Null(server.Searches[0]["search_after"]);
        Assert.NotNull(server.Searches[1]["search_after"]);
    }

    [Fact]
    public async Task Load_TimeSlices_PlansOnePartitionPerSliceAndCountsEachHitOnce()
    {
        await using var server = new FakeElasticsearch("logs", Logs(48), $"ApiKey {ApiKey}");
        using var client = Client();
        var source = Requests.Source(
            "elasticsearch",
            new { index = "logs", time_field = "@timestamp", from = "2024-03-01T00:00:00Z", to = "2024-03-02T23:00:00Z", slices = 4, page_size = 5 },
            server.Url);

        var (_, summary, partitions) = await EtlRun.LoadAsync(_handler, source, Requests.Categorical("host.name"), Context(client));

        Assert.Equal(4, partitions);
        Assert.Equal(48, summary.RowCount);
        Assert.True(server.Searches.Count > 4);
    }

    [Fact]
    public async Task Extract_Token_IsSentAsApiKeyAuthorization()
    {
        await using var server = new FakeElasticsearch("logs", Logs(1), $"ApiKey {ApiKey}");
        using var client = Client();
        var source = Requests.Source("elasticsearch", new { index = "logs", time_field = "@timestamp" }, server.Url);

        var table = await EtlRun.ExtractAsync(_handler, source, Requests.Categorical("host.name"), Context(client));

        Assert.Equal(["web-0"], table.Labels);
    }

    [Fact]
    public async Task Extract_SourceIdColumn_NamesTheRowsAndSortsThePages()
    {
        var documents = Logs(5).Select(document =>
        {
            document.Source["patient"] = $"P{4 - int.Parse(document.Id[4..], CultureInfo.InvariantCulture)}";
            return document;
        });
        await using var server = new FakeElasticsearch("logs", documents, $"ApiKey {ApiKey}");
        using var client = Client();
        var source = Requests.Source("elasticsearch", new { index = "logs", id_column = "patient", page_size = 2 }, server.Url);

        var table = await EtlRun.ExtractAsync(_handler, source, Requests.Categorical("host.name"), Context(client));

        Assert.Equal(["P0", "P1", "P2", "P3", "P4"], table.Ids);
        Assert.Equal("patient", server.Searches[0]["sort"]![0]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Extract_WrongToken_IsRefusedCredentials()
    {
        await using var server = new FakeElasticsearch("logs", Logs(1), $"ApiKey {ApiKey}");
        using var client = Client();
        var source = Requests.Source("elasticsearch", new { index = "logs", time_field = "@timestamp" }, server.Url);

        var error = await Assert.ThrowsAsync<SourceRefusedCredentialsException>(
            () => EtlRun.ExtractAsync(_handler, source, Requests.Categorical("host.name"), Context(client, "wrong")));

        Assert.Equal("source refused the credentials", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Extract_ServerSlowerThanTheTimeout_FailsAsTransient()
    {
        await using var server = new LocalHttpServer(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await LocalHttpServer.WriteAsync(context, 200, "{}");
        });
        using var client = Client(TimeSpan.FromMilliseconds(300));
        var source = Requests.Source("elasticsearch", new { index = "logs", time_field = "@timestamp" }, server.BaseUrl);

        var error = await Assert.ThrowsAsync<SourceTransientException>(
            () => EtlRun.ExtractAsync(_handler, source, Requests.Categorical("host.name"), Context(client)));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Extract_AnswerThatStallsAfterItsHeaders_FailsAsTransient()
    {
        await using var server = new LocalHttpServer(async (context, _) =>
        {
            context.Response.SendChunked = true;
            await context.Response.OutputStream.WriteAsync("{\"took\":1,\"hits\":{\"hits\":["u8.ToArray());
            await context.Response.OutputStream.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        });
        using var client = Client(TimeSpan.FromMilliseconds(400));
        var source = Requests.Source("elasticsearch", new { index = "logs", time_field = "@timestamp" }, server.BaseUrl);

        await Assert.ThrowsAsync<SourceTransientException>(
            () => EtlRun.ExtractAsync(_handler, source, Requests.Categorical("host.name"), Context(client)));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(SourceTransientException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(SourceTransientException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(SourceRefusedCredentialsException))]
    [InlineData(HttpStatusCode.NotFound, typeof(SourceFailedException))]
    public async Task Extract_ErrorStatus_MapsToItsFailureType(HttpStatusCode status, Type expected)
    {
        await using var server = new LocalHttpServer((context, _) => LocalHttpServer.WriteAsync(context, (int)status, """{"error":{"type":"x"}}"""));
        using var client = Client();
        var source = Requests.Source("elasticsearch", new { index = "logs", time_field = "@timestamp" }, server.BaseUrl);

        var error = await Assert.ThrowsAnyAsync<EtlException>(
            () => EtlRun.ExtractAsync(_handler, source, Requests.Categorical("host.name"), Context(client)));

        Assert.IsType(expected, error);
    }

    [Fact]
    public async Task Extract_LoopbackServerWhenNotAllowed_IsRefusedAtConnect()
    {
        await using var server = new FakeElasticsearch("logs", Logs(1), $"ApiKey {ApiKey}");
        using var client = new HttpClient(SourceHttp.CreateHandler(TestSettings.Create(allowLoopback: false)));
        var source = Requests.Source("elasticsearch", new { index = "logs", time_field = "@timestamp" }, server.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<SourceFailedException>(
            () => EtlRun.ExtractAsync(_handler, source, Requests.Categorical("host.name"), Context(client)));

        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Searches);
    }

    [Fact]
    public void Validate_SlicesWithoutTimeRange_NamesOptionsSlices()
    {
        var request = Requests.Parse("""{"handler":"elasticsearch","server":"https://es.example.org","descriptors":[],"options":{"index":"logs","time_field":"t","slices":4}}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("options.slices", error.Field);
    }

    [Fact]
    public void Validate_NoSortForPaging_NamesOptionsSortFields()
    {
        var request = Requests.Parse("""{"handler":"elasticsearch","server":"https://es.example.org","descriptors":[],"options":{"index":"logs"}}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("options.sort_fields", error.Field);
    }

    [Fact]
    public void Validate_SortFieldThatIsNotAName_NamesOptionsSortFields()
    {
        var request = Requests.Parse("""{"handler":"elasticsearch","server":"https://es.example.org","descriptors":[],"options":{"index":"logs","sort_fields":["t",7]}}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("options.sort_fields", error.Field);
    }
}
