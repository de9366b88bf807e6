using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fractal.LocalHost.Tests.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace Fractal.LocalHost.Tests.Management;

/// <summary>The management API's routes, keys, status codes and bodies, over a client whose instances the test chooses.</summary>
public sealed class ManagementApiTests : IAsyncLifetime
{
    private const string Base = "runtime/webhooks/durabletask";
    private HttpTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await HttpTestHost.StartAsync();
        _host.Http.DefaultRequestHeaders.Add("x-functions-key", HttpTestHost.SystemKey);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(HttpTestHost.FunctionKey, HttpStatusCode.Unauthorized)]
    [InlineData(HttpTestHost.MasterKey, HttpStatusCode.NotFound)]
    [InlineData(HttpTestHost.SystemKey, HttpStatusCode.NotFound)]
    public async Task AnyRoute_Key_OnlyMasterOrSystemKeyPasses(string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances/missing");
        request.Headers.Remove("x-functions-key");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var client = new HttpClient { BaseAddress = _host.Host.BaseAddress };
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running, HttpStatusCode.Accepted)]
    [InlineData(OrchestrationRuntimeStatus.Pending, HttpStatusCode.Accepted)]
    [InlineData(OrchestrationRuntimeStatus.Suspended, HttpStatusCode.Accepted)]
    [InlineData(OrchestrationRuntimeStatus.Completed, HttpStatusCode.OK)]
    [InlineData(OrchestrationRuntimeStatus.Failed, HttpStatusCode.OK)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, HttpStatusCode.OK)]
    public async Task GetStatus_RuntimeStatus_GivesTheExtensionsStatusCode(OrchestrationRuntimeStatus status, HttpStatusCode expected)
    {
        Instance("i1", status);

        using var response = await _host.Http.GetAsync(new Uri($"{Base}/instances/i1", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Accepted, response.Headers.Location is not null);
    }

    [Fact]
    public async Task GetStatus_FailedWithReturnInternalServerErrorOnFailure_Is500()
    {
        Instance("i1", OrchestrationRuntimeStatus.Failed);

        using var response = await _host.Http.GetAsync(new Uri($"{Base}/instances/i1?returnInternalServerErrorOnFailure=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task GetStatus_Completed_HasTheExtensionsShape()
    {
        Instance("i1", OrchestrationRuntimeStatus.Completed, input: "\"in\"", output: "[1,2]", customStatus: "{\"step\":2}");

        var body = await _host.Http.GetFromJsonAsync<JsonElement>($"{Base}/instances/i1");

        Assert.Equal("Orchestrator", body.GetProperty("name").GetString());
        Assert.Equal("i1", body.GetProperty("instanceId").GetString());
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("in", body.GetProperty("input").GetString());
        Assert.Equal(2, body.GetProperty("output").GetArrayLength());
        Assert.Equal(2, body.GetProperty("customStatus").GetProperty("step").GetInt32());
        Assert.Equal("2026-01-02T03:04:05Z", body.GetProperty("createdTime").GetString());
        Assert.False(body.TryGetProperty("historyEvents", out _));
    }

    [Fact]
    public async Task GetStatus_ShowInputFalse_HidesTheInput()
    {
        Instance("i1", OrchestrationRuntimeStatus.Completed, input: "\"secret\"");

        var body = await _host.Http.GetFromJsonAsync<JsonElement>($"{Base}/instances/i1?showInput=false");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("input").ValueKind);
    }

    [Fact]
    public async Task GetStatus_MalformedFlag_Is400NamingIt()
    {
        using var response = await _host.Http.GetAsync(new Uri($"{Base}/instances/i1?showHistory=maybe", UriKind.Relative));

        var problem = await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("showHistory", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task List_GarbageContinuationToken_Is400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances");
        request.Headers.Add("x-ms-continuation-token", "garbage");

        using var response = await _host.Http.SendAsync(request);

        var problem = await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("x-ms-continuation-token", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task List_NextPage_TokenHandedOutIsAcceptedAndReachesTheEngine()
    {
        string? seenToken = null;
        _host.Client.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>())).Returns(Pageable.Create((string? token, int? size, CancellationToken _) =>
        {
            seenToken = token;
            var page = token is null
                ? new Page<OrchestrationMetadata>([Metadata("a", OrchestrationRuntimeStatus.Completed)], "engine-token-2")
                : new Page<OrchestrationMetadata>([Metadata("b", OrchestrationRuntimeStatus.Running)], null);
            return Task.FromResult(page);
        }));

        using var first = await _host.Http.GetAsync(new Uri($"{Base}/instances?top=1", UriKind.Relative));
        var token = Assert.Single(first.Headers.GetValues("x-ms-continuation-token"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances?top=1");
        request.Headers.Add("x-ms-continuation-token", token);
        using var second = await _host.Http.SendAsync(request);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("engine-token-2", seenToken);
        Assert.Equal("b", body[0].GetProperty("instanceId").GetString());
        Assert.False(second.Headers.Contains("x-ms-continuation-token"));
    }

    [Fact]
    public async Task List_UnknownRuntimeStatus_Is400NamingIt()
    {
        using var response = await _host.Http.GetAsync(new Uri($"{Base}/instances?runtimeStatus=Sleeping", UriKind.Relative));

        var problem = await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("runtimeStatus", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("terminate")]
    [InlineData("suspend")]
    [InlineData("resume")]
    public async Task Operation_EndedInstance_Is410(string operation)
    {
        Instance("i1", OrchestrationRuntimeStatus.Completed);

        using var response = await _host.Http.PostAsync(new Uri($"{Base}/instances/i1/{operation}?reason=x", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task Terminate_RunningInstance_Is202AndPassesTheReason()
    {
        Instance("i1", OrchestrationRuntimeStatus.Running);

        using var response = await _host.Http.PostAsync(new Uri($"{Base}/instances/i1/terminate?reason=enough", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        _host.Client.Verify(c => c.TerminateInstanceAsync("i1", (object?)"enough", It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task RaiseEvent_NotJson_Is400()
    {
        Instance("i1", OrchestrationRuntimeStatus.Running);
        using var content = new StringContent("yes", Encoding.UTF8, "text/plain");

        using var response = await _host.Http.PostAsync(new Uri($"{Base}/instances/i1/raiseEvent/Approved", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_Is404()
    {
        using var content = new StringContent("true", Encoding.UTF8, "application/json");

        using var response = await _host.Http.PostAsync(new Uri($"{Base}/instances/nobody/raiseEvent/Approved", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Purge_RunningInstance_Is412()
    {
        Instance("i1", OrchestrationRuntimeStatus.Running);

        using var response = await _host.Http.DeleteAsync(new Uri($"{Base}/instances/i1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task PurgeByFilter_WithoutCreatedTimeFrom_Is400()
    {
        using var response = await _host.Http.DeleteAsync(new Uri($"{Base}/instances", UriKind.Relative));

        var problem = await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("createdTimeFrom", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Rewind_NotFailed_Is412()
    {
        Instance("i1", OrchestrationRuntimeStatus.Completed);

        using var response = await _host.Http.PostAsync(new Uri($"{Base}/instances/i1/rewind?reason=again", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Start_UnknownOrchestrator_Is400NamingIt()
    {
        using var response = await _host.Http.PostAsync(new Uri($"{Base}/orchestrators/NoSuchThing", UriKind.Relative), null);

        var problem = await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("functionName", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Start_MalformedJsonBody_Is400()
    {
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");

        using var response = await _host.Http.PostAsync(new Uri($"{Base}/orchestrators/HelloCities", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private void Instance(string id, OrchestrationRuntimeStatus status, string? input = null, string? output = null, string? customStatus = null) =>
        _host.Client.Setup(c => c.GetInstanceAsync(id, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Metadata(id, status, input, output, customStatus));

    private static OrchestrationMetadata Metadata(string id, OrchestrationRuntimeStatus status, string? input = null, string? output = null, string? customStatus = null) =>
        new("Orchestrator", id)
        {
            RuntimeStatus = status,
            CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero),
            SerializedInput = input,
            SerializedOutput = output,
            SerializedCustomStatus = customStatus,
        };
}
