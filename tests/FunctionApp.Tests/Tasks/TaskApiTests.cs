using System.Net;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>The tasks API over HTTP on Azurite: the model catalog, intake and its errors, the list with progress, one task with its output.</summary>
public sealed class TaskApiTests : IClassFixture<TaskApiFixture>
{
    private readonly HttpClient _client;

    public TaskApiTests(TaskApiFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _client = fixture.App.Client;
    }

    [Fact]
    public async Task GetModels_EveryModelAccepted_ListsTheThreeWithSchemaAndExample()
    {
        var (status, models) = await TaskCalls.GetAsync(_client, "/api/models");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["log-ingest", "frontier-aggregation", "ingest-and-aggregate"], models.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.All(models.EnumerateArray(), model =>
        {
            Assert.Equal("object", model.GetProperty("parameters").GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Object, model.GetProperty("example").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(model.GetProperty("description").GetString()));
        });
    }

    [Theory]
    [InlineData("log-ingest")]
    [InlineData("frontier-aggregation")]
    [InlineData("ingest-and-aggregate")]
    public async Task Post_TheCatalogsExample_Completes(string model)
    {
        var (_, models) = await TaskCalls.GetAsync(_client, "/api/models");
        var example = models.EnumerateArray().Single(m => m.GetProperty("name").GetString() == model).GetProperty("example");
        var id = NewTaskId();

        using var response = await TaskCalls.PostAsync(_client, new { model, @params = example, task_id = id });
        var task = await TaskCalls.WaitAsync(_client, id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Completed", task.GetProperty("status").GetString());
        Assert.Equal(model, task.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Object, task.GetProperty("output").ValueKind);
        var progress = task.GetProperty("progress");
        Assert.Equal(progress.GetProperty("partitions_total").GetInt32(), progress.GetProperty("partitions_done").GetInt32());
        Assert.True(progress.GetProperty("partitions_total").GetInt32() >= 1);
    }

    [Fact]
    public async Task Post_IngestThenAggregate_CountsTheLogsPerBucketAndSite()
    {
        var id = NewTaskId();
        using var response = await TaskCalls.PostAsync(_client, new
        {
            model = "ingest-and-aggregate",
            task_id = id,
            @params = new
            {
                ingest = new
                {
                    handler = "csv",
                    options = new { data = "id,time,site,status\na,100,X,hit\nb,110,X,miss\nc,130,Y,hit\nd,170,X,hit\n" },
                    fields = new object[] { new { field = "time", data_type = "numerical" }, new { field = "site", data_type = "categorical" }, new { field = "status", data_type = "categorical" } },
                },
                aggregate = new { bucket_seconds = 60, partitions = 3 },
            },
        });
        var task = await TaskCalls.WaitAsync(_client, id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Completed", task.GetProperty("status").GetString());
        var aggregate = task.GetProperty("output").GetProperty("aggregate");
        Assert.Equal(4, aggregate.GetProperty("rows").GetInt64());
        var groups = aggregate.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("bucket").GetInt64(), g.GetProperty("key").GetString(), g.GetProperty("count").GetInt64(), g.GetProperty("hits").GetInt64()))
            .ToList();
        Assert.Equal([(60L, "X", 2L, 1L), (120L, "X", 1L, 1L), (120L, "Y", 1L, 1L)], groups);
        Assert.Equal(0.75, aggregate.GetProperty("hit_ratio").GetDouble(), 9);
        Assert.Equal(id, task.GetProperty("output").GetProperty("ingest").GetProperty("dataset").GetString());
    }

    [Fact]
    public async Task Post_UnknownModel_400NamingModelAndListingTheAccepted()
    {
        using var response = await TaskCalls.PostAsync(_client, new { model = "no-such-model", @params = new { } });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("model", problem.GetProperty("field").GetString());
        Assert.Contains("log-ingest, frontier-aggregation, ingest-and-aggregate", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model": "frontier-aggregation", "params": {"demo": {"rows": 10}, "partitions": 0}}""", "params.partitions")]
    [InlineData("""{"model": "frontier-aggregation", "params": {"demo": {"rows": 10}, "dataset": "x"}}""", "params.dataset")]
    [InlineData("""{"model": "frontier-aggregation", "params": {"demo": {"rows": "many"}}}""", "params.demo.rows")]
    [InlineData("""{"model": "log-ingest", "params": {"handler": "postgres", "fields": [{"field": "a", "data_type": "numerical"}]}}""", "params.handler")]
    [InlineData("""{"model": "log-ingest", "params": {"handler": "csv", "options": {"data": "id,a\n1,2\n"}, "fields": []}}""", "params.fields")]
    [InlineData("""{"model": "ingest-and-aggregate", "params": {"ingest": {"handler": "csv"}}}""", "params.ingest.fields")]
    [InlineData("""{"model": "frontier-aggregation", "params": {"demo": {"rows": 10}}, "task_id": "has space"}""", "task_id")]
    [InlineData("""{"model": "frontier-aggregation", "params": [1]}""", "params")]
    [InlineData("""[1, 2]""", "body")]
    public async Task Post_InvalidRequest_400NamingTheField(string body, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = new StringContent(body) };
        request.Headers.Add("x-functions-key", AppHost.Key);
        using var response = await _client.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_ATaskIdThatExists_409AndStartsNothing()
    {
        var id = NewTaskId();
        var body = new { model = "frontier-aggregation", task_id = id, @params = new { demo = new { rows = 100 }, partitions = 1 } };
        using var first = await TaskCalls.PostAsync(_client, body);
        var ended = await TaskCalls.WaitAsync(_client, id);

        using var second = await TaskCalls.PostAsync(_client, body with { });
        var after = await TaskCalls.WaitAsync(_client, id);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(ended.GetProperty("created").GetDateTimeOffset(), after.GetProperty("created").GetDateTimeOffset());
        Assert.Equal("Completed", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetTasks_PagedByOne_ListsTasksWithModelStatusAndProgress()
    {
        var ids = new[] { NewTaskId(), NewTaskId() };
        foreach (var id in ids)
        {
            using var response = await TaskCalls.PostAsync(_client, new { model = "frontier-aggregation", task_id = id, @params = new { demo = new { rows = 1000 }, partitions = 2 } });
            await TaskCalls.WaitAsync(_client, id);
        }

        var listed = new List<JsonElement>();
        string? token = null;
        do
        {
            var (status, page) = await TaskCalls.GetAsync(_client, "/api/tasks?top=1" + (token is null ? string.Empty : "&continuation_token=" + Uri.EscapeDataString(token)));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(page.GetProperty("tasks").GetArrayLength() <= 1);
            listed.AddRange(page.GetProperty("tasks").EnumerateArray());
            token = page.TryGetProperty("continuation_token", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (token is not null);

        var mine = listed.Where(t => ids.Contains(t.GetProperty("id").GetString())).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, task =>
        {
            Assert.Equal("frontier-aggregation", task.GetProperty("model").GetString());
            Assert.Equal("Completed", task.GetProperty("status").GetString());
            Assert.Equal(2, task.GetProperty("progress").GetProperty("partitions_done").GetInt32());
            Assert.Equal(2, task.GetProperty("progress").GetProperty("partitions_total").GetInt32());
            Assert.False(task.TryGetProperty("output", out _));
        });
    }

    [Fact]
    public async Task GetTask_Unknown_404()
    {
        var (status, _) = await TaskCalls.GetAsync(_client, $"/api/tasks/{NewTaskId()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static string NewTaskId() => "t" + Guid.NewGuid().ToString("N")[..16];
}
