using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Instances;

/// <summary>The instances admin API (<c>/api/instances</c>) over the app's durable client, on Azurite.</summary>
public sealed class InstanceApiTests : IClassFixture<InstanceApiFixture>
{
    private readonly InstanceApiFixture _fixture;

    public InstanceApiTests(InstanceApiFixture fixture)
    {
        _fixture = fixture;
    }

    private HttpClient Client => _fixture.App.Client;

    [Fact]
    public async Task List_ByStatusAndNamePrefix_AnswersTheMatchingInstancesWithoutInputs()
    {
        var (status, page) = await SendAsync(HttpMethod.Get, "/api/instances?status=Completed&name=etl");
        var (_, none) = await SendAsync(HttpMethod.Get, "/api/instances?status=Running,Failed");
        var (_, other) = await SendAsync(HttpMethod.Get, "/api/instances?name=Analysis");

        var instances = page.GetProperty("instances").EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(_fixture.LoadIds.Order(), instances.Select(i => i.GetProperty("id").GetString()).Order());
        Assert.All(instances, i => Assert.Equal(("EtlOrchestrator", "Completed"), (i.GetProperty("name").GetString(), i.GetProperty("status").GetString())));
        Assert.All(instances, i => Assert.False(i.TryGetProperty("input", out _)));
        Assert.All(instances, i => Assert.Equal(2, i.GetProperty("custom_status").GetProperty("total").GetInt32()));
        Assert.Empty(none.GetProperty("instances").EnumerateArray());
        Assert.Empty(other.GetProperty("instances").EnumerateArray());
    }

    [Fact]
    public async Task List_PageByPage_VisitsEveryInstanceOnce()
    {
        var seen = new List<string>();
        string? token = null;
        for (var i = 0; i < 10; i++)
        {
            var (status, page) = await SendAsync(HttpMethod.Get, "/api/instances?page_size=1" + (token is null ? string.Empty : "&continuation_token=" + token));
            Assert.Equal(HttpStatusCode.OK, status);
            seen.AddRange(page.GetProperty("instances").EnumerateArray().Select(x => x.GetProperty("id").GetString()!));
            token = page.GetProperty("continuation_token").GetString();
            if (token is null)
            {
                break;
            }
        }

        Assert.Null(token);
        Assert.Equal(_fixture.LoadIds.Order(), seen.Order());
    }

    [Theory]
    [InlineData("status=Finished", "status")]
    [InlineData("status=7", "status")]
    [InlineData("created_from=yesterday", "created_from")]
    [InlineData("created_from=2026-02-01T00:00:00Z&created_to=2026-01-01T00:00:00Z", "created_to")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=201", "page_size")]
    [InlineData("continuation_token=%25%25not-base64", "continuation_token")]
    [InlineData("continuation_token=bm90IGEgdG9rZW4", "continuation_token")]
    [InlineData("continuation_token=bm90IGEgdG9rZW4.c2lnbmVkIGJ5IG5vYm9keQ", "continuation_token")]
    public async Task List_BadQuery_Answers400NamingTheParameter(string query, string field)
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, "/api/instances?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Get_AnEtlLoad_AnswersItsInputWithoutTheSessionItsOutputAndProgress()
    {
        var (status, instance) = await SendAsync(HttpMethod.Get, $"/api/instances/{_fixture.LoadIds[0]}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("(hidden)", instance.GetProperty("input").GetProperty("session").GetString());
        Assert.Equal("demo", instance.GetProperty("input").GetProperty("source").GetProperty("handler").GetString());
        Assert.Equal(2, instance.GetProperty("custom_status").GetProperty("done").GetInt32());
        Assert.Equal(2, instance.GetProperty("output").GetArrayLength());
    }

    [Fact]
    public async Task History_AnEtlLoad_AnswersACompletedBarPerActivityWithinTheRun()
    {
        var (status, history) = await SendAsync(HttpMethod.Get, $"/api/instances/{_fixture.LoadIds[1]}/history");

        var started = history.GetProperty("started").GetDateTimeOffset();
        var ended = history.GetProperty("ended").GetDateTimeOffset();
        var bars = history.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(bars.Count >= 2, $"{bars.Count} bars");
        Assert.All(bars, b => Assert.Equal(("activity", "completed"), (b.GetProperty("kind").GetString(), b.GetProperty("outcome").GetString())));
        Assert.All(bars, b => Assert.InRange(b.GetProperty("scheduled").GetDateTimeOffset(), started, ended));
        Assert.All(bars, b => Assert.InRange(b.GetProperty("ended").GetDateTimeOffset(), b.GetProperty("scheduled").GetDateTimeOffset(), ended));
        Assert.Contains(history.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "ExecutionStarted");
    }

    [Theory]
    [InlineData("POST", "terminate")]
    [InlineData("POST", "suspend")]
    [InlineData("POST", "resume")]
    [InlineData("POST", "events/approval")]
    public async Task Operation_OnACompletedInstance_Answers409AndLeavesItCompleted(string method, string operation)
    {
        var id = _fixture.LoadIds[2];

        var (status, problem) = await SendAsync(new HttpMethod(method), $"/api/instances/{id}/{operation}", new { reason = "test" });
        var (_, after) = await SendAsync(HttpMethod.Get, $"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("instanceId", problem.GetProperty("field").GetString());
        Assert.Equal("Completed", after.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/instances/no-such-instance", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/instances/no-such-instance/history", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/instances/no-such-instance", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/instances/no-such-instance/events/bad%20name", HttpStatusCode.BadRequest)]
    public async Task Operation_OnNoInstanceOrABadName_AnswersAProblem(string method, string path, HttpStatusCode expected)
    {
        var (status, problem) = await SendAsync(new HttpMethod(method), path);

        Assert.Equal(expected, status);
        Assert.True(problem.TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task Purge_AnEndedInstance_RemovesIt()
    {
        var accepted = await SessionCalls.PostAcceptedAsync(Client, SessionCalls.NewSession(), "/api/data", new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "none" },
            descriptors = new object[] { new { field = "age", data_type = "numerical" } },
        });
        await SessionCalls.WaitCompletedAsync(Client, accepted);
        var id = accepted.GetProperty("id").GetString();

        var (status, purged) = await SendAsync(HttpMethod.Delete, $"/api/instances/{id}");
        var (after, _) = await SendAsync(HttpMethod.Get, $"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, purged.GetProperty("purged").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, after);
    }

    [Fact]
    public async Task List_WithoutTheFunctionKey_Answers401()
    {
        using var response = await Client.GetAsync(new Uri("/api/instances", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", AppHost.Key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
