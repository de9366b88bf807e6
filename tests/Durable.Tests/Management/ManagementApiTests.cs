using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fractal.Durable.Tests.Hosting;

namespace Fractal.Durable.Tests.Management;

public sealed class ManagementApiTests
{
    private const string Key = "management-key";
    private static readonly Dictionary<string, string?> s_settings = new() { ["FRACTAL_HOST_KEY"] = Key, ["AzureWebJobsStorage"] = null };

    [Fact]
    public async Task Start_ViaHttpTrigger_Answers202WithCheckStatusPayload()
    {
        await using var host = await StartHostAsync();

        var response = await host.Client.PostAsync(new Uri($"/api/start/Quick?code={Key}", UriKind.Relative), null);
        var payload = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(payload.GetProperty("statusQueryGetUri").GetString(), response.Headers.Location?.ToString());
        foreach (var name in new[] { "id", "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri" })
        {
            Assert.False(string.IsNullOrEmpty(payload.GetProperty(name).GetString()), name);
        }

        Assert.Contains($"code={Key}", payload.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_WaitForCompletion_Answers200WithOutput()
    {
        await using var host = await StartHostAsync();
        var statusUri = await StartAsync(host, "Quick");

        var response = await host.Client.GetAsync(new Uri(statusUri + "&waitForCompletion=30"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("INPUT-VALUE", body.GetProperty("output").GetString());
        Assert.Equal("input-value", body.GetProperty("input").GetString());
        Assert.Equal("Quick", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetStatus_Running_Answers202WithCustomStatus()
    {
        await using var host = await StartHostAsync();
        var statusUri = await StartAsync(host, "Waiter");

        var body = await PollAsync(host, statusUri, b => b.GetProperty("runtimeStatus").GetString() == "Running");
        var response = await host.Client.GetAsync(new Uri(statusUri));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("waiting", body.GetProperty("customStatus").GetString());
    }

    [Fact]
    public async Task RaiseEvent_Running_CompletesWithEventPayload()
    {
        await using var host = await StartHostAsync();
        var payload = await StartPayloadAsync(host, "Waiter");
        await PollAsync(host, payload.StatusQueryGetUri, b => b.GetProperty("runtimeStatus").GetString() == "Running");

        var raised = await host.Client.PostAsJsonAsync(new Uri(payload.SendEventPostUri.Replace("{eventName}", "go", StringComparison.Ordinal)), "hi");
        var done = await host.Client.GetFromJsonAsync<JsonElement>(new Uri(payload.StatusQueryGetUri + "&waitForCompletion=30"));

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Equal("HI", done.GetProperty("output").GetString());
    }

    [Fact]
    public async Task RaiseEvent_CompletedInstance_Answers410()
    {
        await using var host = await StartHostAsync();
        var payload = await StartPayloadAsync(host, "Quick");
        await host.Client.GetAsync(new Uri(payload.StatusQueryGetUri + "&waitForCompletion=30"));

        var response = await host.Client.PostAsJsonAsync(new Uri(payload.SendEventPostUri.Replace("{eventName}", "go", StringComparison.Ordinal)), "late");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task Terminate_Running_Answers202AndStatusReads400Terminated()
    {
        await using var host = await StartHostAsync();
        var payload = await StartPayloadAsync(host, "Waiter");
        await PollAsync(host, payload.StatusQueryGetUri, b => b.GetProperty("runtimeStatus").GetString() == "Running");

        var terminated = await host.Client.PostAsync(new Uri(payload.TerminatePostUri.Replace("{text}", "enough", StringComparison.Ordinal)), null);
        var response = await host.Client.GetAsync(new Uri(payload.StatusQueryGetUri + "&waitForCompletion=30"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Terminated", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("enough", body.GetProperty("output").GetString());
    }

    [Fact]
    public async Task SuspendAndResume_Running_HoldsEventsUntilResumed()
    {
        await using var host = await StartHostAsync();
        var payload = await StartPayloadAsync(host, "Waiter");
        await PollAsync(host, payload.StatusQueryGetUri, b => b.GetProperty("runtimeStatus").GetString() == "Running");

        await host.Client.PostAsync(new Uri(payload.SuspendPostUri.Replace("{text}", "pause", StringComparison.Ordinal)), null);
        await PollAsync(host, payload.StatusQueryGetUri, b => b.GetProperty("runtimeStatus").GetString() == "Suspended");
        await host.Client.PostAsJsonAsync(new Uri(payload.SendEventPostUri.Replace("{eventName}", "go", StringComparison.Ordinal)), "held");
        await Task.Delay(300);
        var whileSuspended = await host.Client.GetFromJsonAsync<JsonElement>(new Uri(payload.StatusQueryGetUri));
        await host.Client.PostAsync(new Uri(payload.ResumePostUri.Replace("{text}", "go on", StringComparison.Ordinal)), null);
        var done = await host.Client.GetFromJsonAsync<JsonElement>(new Uri(payload.StatusQueryGetUri + "&waitForCompletion=30"));

        Assert.Equal("Suspended", whileSuspended.GetProperty("runtimeStatus").GetString());
        Assert.Equal("HELD", done.GetProperty("output").GetString());
    }

    [Fact]
    public async Task GetStatus_ShowHistory_ListsEventsInOrder()
    {
        await using var host = await StartHostAsync();
        var statusUri = await StartAsync(host, "Quick");
        await host.Client.GetAsync(new Uri(statusUri + "&waitForCompletion=30"));

        var body = await host.Client.GetFromJsonAsync<JsonElement>(new Uri(statusUri + "&showHistory=true&showHistoryOutput=true"));
        var types = body.GetProperty("historyEvents").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();

        Assert.Equal(["ExecutionStarted", "TaskScheduled", "TaskCompleted", "ExecutionCompleted"], types);
    }

    [Fact]
    public async Task GetStatus_UnknownId_Answers404()
    {
        await using var host = await StartHostAsync();

        var response = await host.Client.GetAsync(new Uri($"/runtime/webhooks/durabletask/instances/nobody?code={Key}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetStatus_WithoutKey_Answers401()
    {
        await using var host = await StartHostAsync();

        var response = await host.Client.GetAsync(new Uri("/runtime/webhooks/durabletask/instances/nobody", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetStatus_InvalidId_Answers400()
    {
        await using var host = await StartHostAsync();
        var tooLong = new string('x', 300);

        var response = await host.Client.GetAsync(new Uri($"/runtime/webhooks/durabletask/instances/{tooLong}?code={Key}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Start_UnknownOrchestrator_Answers404ProblemDetails()
    {
        await using var host = await StartHostAsync();

        var response = await host.Client.PostAsync(new Uri($"/api/start/Nope?code={Key}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Start_SameIdWhileRunning_Answers409()
    {
        await using var host = await StartHostAsync();
        await host.Client.PostAsync(new Uri($"/api/start/Waiter?id=dup&code={Key}", UriKind.Relative), null);

        var response = await host.Client.PostAsync(new Uri($"/api/start/Waiter?id=dup&code={Key}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Purge_Running_Answers409AndKeepsInstance()
    {
        await using var host = await StartHostAsync();
        var payload = await StartPayloadAsync(host, "Waiter");
        await PollAsync(host, payload.StatusQueryGetUri, b => b.GetProperty("runtimeStatus").GetString() == "Running");

        var purge = await host.Client.DeleteAsync(new Uri(payload.PurgeHistoryDeleteUri));
        var after = await host.Client.GetAsync(new Uri(payload.StatusQueryGetUri));

        Assert.Equal(HttpStatusCode.Conflict, purge.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
    }

    [Fact]
    public async Task Purge_Completed_RemovesInstance()
    {
        await using var host = await StartHostAsync();
        var payload = await StartPayloadAsync(host, "Quick");
        await host.Client.GetAsync(new Uri(payload.StatusQueryGetUri + "&waitForCompletion=30"));

        var purge = await host.Client.DeleteAsync(new Uri(payload.PurgeHistoryDeleteUri));
        var after = await host.Client.GetAsync(new Uri(payload.StatusQueryGetUri));

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task List_FilterAndTop_PagesWithContinuationToken()
    {
        await using var host = await StartHostAsync();
        for (var i = 0; i < 5; i++)
        {
            await host.Client.PostAsync(new Uri($"/api/start/Waiter?id=page-{i}&code={Key}", UriKind.Relative), null);
        }

        await host.Client.PostAsync(new Uri($"/api/start/Waiter?id=other-1&code={Key}", UriKind.Relative), null);
        var seen = new List<string>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances?instanceIdPrefix=page-&top=2&code={Key}");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            var response = await host.Client.SendAsync(request);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(page.EnumerateArray().Select(e => e.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
        }
        while (token is not null);

        Assert.Equal(["page-0", "page-1", "page-2", "page-3", "page-4"], seen);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("page-0")]
    [InlineData("YWZ0ZXI6")]
    public async Task List_ContinuationTokenNotHandedOut_Answers400NamingTheHeader(string token)
    {
        await using var host = await StartHostAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances?code={Key}");
        request.Headers.Add("x-ms-continuation-token", token);

        var response = await host.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("x-ms-continuation-token", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task List_UnknownRuntimeStatus_Answers400NamingIt()
    {
        await using var host = await StartHostAsync();

        var response = await host.Client.GetAsync(new Uri($"/runtime/webhooks/durabletask/instances?runtimeStatus=Sleeping&code={Key}", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("runtimeStatus", problem.GetProperty("field").GetString());
    }

    private static Task<RunningHost> StartHostAsync() =>
        RunningHost.StartAsync([typeof(ManagementFunctions)], settings: s_settings);

    private static async Task<string> StartAsync(RunningHost host, string name) => (await StartPayloadAsync(host, name)).StatusQueryGetUri;

    private static async Task<Payload> StartPayloadAsync(RunningHost host, string name)
    {
        var response = await host.Client.PostAsync(new Uri($"/api/start/{name}?code={Key}", UriKind.Relative), null);
        return (await response.Content.ReadFromJsonAsync<Payload>())!;
    }

    private static async Task<JsonElement> PollAsync(RunningHost host, string statusUri, Func<JsonElement, bool> until)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var body = await host.Client.GetFromJsonAsync<JsonElement>(new Uri(statusUri), cancellation.Token);
            if (until(body))
            {
                return body;
            }

            await Task.Delay(20, cancellation.Token);
        }
    }

    private sealed record Payload(
        string Id,
        string StatusQueryGetUri,
        string SendEventPostUri,
        string TerminatePostUri,
        string PurgeHistoryDeleteUri,
        string SuspendPostUri,
        string ResumePostUri);
}
