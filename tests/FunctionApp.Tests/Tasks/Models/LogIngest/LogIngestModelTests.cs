using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Etl.Handlers.Tests.Elasticsearch;
using Fractal.Etl.Handlers.Tests.Support;
using Fractal.FunctionApp.Tasks.Definitions;

namespace Fractal.FunctionApp.Tests.Tasks.Models.LogIngest;

public sealed class LogIngestModelTests : IDisposable
{
    private static readonly object[] s_fields =
    [
        new { field = "time", data_type = "numerical" },
        new { field = "site", data_type = "categorical" },
        new { field = "status", data_type = "categorical" },
    ];

    private readonly TaskModels _models = new(allowLoopback: true);

    [Fact]
    public async Task Run_InlineCsv_WritesALogSetThatTheAggregationReads()
    {
        var output = await TaskModels.RunAsync(_models.Ingest, "ingest-1", _models.Ingest.Example);
        var manifest = await _models.Logsets.GetManifestAsync("example-logs", CancellationToken.None);
        var counted = await TaskModels.RunAsync(_models.Aggregate, "agg-1", new { dataset = "example-logs", bucket_seconds = 60, partitions = 3 });

        Assert.Equal("example-logs", output.GetProperty("dataset").GetString());
        Assert.Equal(["time", "site", "status"], manifest!.Fields.Select(f => f.Name));
        Assert.All(manifest.Fields, field => Assert.Equal(6, field.Rows));
        Assert.Equal(6, counted.GetProperty("rows").GetInt64());
        Assert.Equal([("BNL", 3L, 2L), ("CERN", 3L, 2L)], counted.GetProperty("keys").EnumerateArray().Select(k => (k.GetProperty("key").GetString(), k.GetProperty("count").GetInt64(), k.GetProperty("hits").GetInt64())));
        await foreach (var upload in _models.Blobs.ListAsync("uploads", string.Empty, CancellationToken.None))
        {
            Assert.Fail($"The upload {upload} outlived the ingest.");
        }
    }

    [Fact]
    public async Task Run_NdjsonFromAUrl_LoadsEveryRecord()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 50).Select(i => JsonSerializer.Serialize(new { id = $"r{i}", time = 1000 + (i * 10), site = i % 2 == 0 ? "A" : "B", status = "hit" })));
        await using var server = new LocalHttpServer((context, _) => LocalHttpServer.WriteAsync(context, 200, lines, "application/x-ndjson"));

        var output = await TaskModels.RunAsync(_models.Ingest, "ingest-2", new { handler = "json", server = server.BaseUrl + "logs.ndjson", options = new { format = "ndjson" }, fields = s_fields });

        Assert.Equal("ingest-2", output.GetProperty("dataset").GetString());
        Assert.All(output.GetProperty("fields").EnumerateArray(), field => Assert.Equal(50, field.GetProperty("rows").GetInt64()));
    }

    [Fact]
    public async Task Run_ElasticsearchIndexInSlices_OnePartitionPerFieldAndSlice()
    {
        var documents = Enumerable.Range(0, 40).Select(i => ($"doc{i}", new JsonObject
        {
            ["@timestamp"] = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + (i * 60)).ToString("O", CultureInfo.InvariantCulture),
            ["time"] = 1_700_000_000 + (i * 60),
            ["site"] = i % 4 == 0 ? "CERN" : "BNL",
            ["status"] = i % 3 == 0 ? "miss" : "hit",
        }));
        await using var elasticsearch = new FakeElasticsearch("frontier-logs", documents, authorization: null!);
        var parameters = new
        {
            handler = "elasticsearch",
            server = elasticsearch.Url,
            options = new { index = "frontier-logs", time_field = "@timestamp", from = "2023-11-14T00:00:00Z", to = "2023-11-15T00:00:00Z", slices = 2, page_size = 7 },
            fields = s_fields,
            dataset = "es-logs",
        };

        var checkedParameters = _models.Ingest.Validate(JsonSerializer.SerializeToElement(parameters));
        var partitions = await _models.Ingest.PlanAsync(new TaskContext("es"), checkedParameters, CancellationToken.None);
        await TaskModels.RunAsync(_models.Ingest, "es", parameters);
        var counted = await TaskModels.RunAsync(_models.Aggregate, "es-agg", new { dataset = "es-logs", bucket_seconds = 3600, partitions = 2 });

        Assert.Equal(6, partitions.Count);
        Assert.Equal(40, counted.GetProperty("rows").GetInt64());
        Assert.Equal([("BNL", 30L), ("CERN", 10L)], counted.GetProperty("keys").EnumerateArray().Select(k => (k.GetProperty("key").GetString(), k.GetProperty("count").GetInt64())));
    }

    [Theory]
    [InlineData("""{"handler": "postgres", "fields": [{"field": "a", "data_type": "numerical"}]}""", "params.handler")]
    [InlineData("""{"handler": "csv", "options": {"data": "id,a\n1,2\n"}}""", "params.fields")]
    [InlineData("""{"handler": "csv", "options": {"data": "id,a\n1,2\n"}, "fields": [{"field": "a", "data_type": "time_to_event"}]}""", "params.fields[0].data_type")]
    [InlineData("""{"handler": "csv", "options": {"data": "id,a\n1,2\n"}, "fields": [{"data_type": "numerical"}]}""", "params.fields[0].field")]
    [InlineData("""{"handler": "csv", "fields": [{"field": "a", "data_type": "numerical"}]}""", "params.server")]
    [InlineData("""{"handler": "csv", "options": {"data": "x"}, "fields": [{"field": "a", "data_type": "numerical"}], "dataset": "a/b"}""", "params.dataset")]
    public void Validate_BadParameters_NamesTheField(string parameters, string field)
    {
        var error = Assert.Throws<TaskParameterException>(() => _models.Ingest.Validate(JsonDocument.Parse(parameters).RootElement));

        Assert.Equal(field, error.Field);
    }

    public void Dispose() => _models.Dispose();
}
