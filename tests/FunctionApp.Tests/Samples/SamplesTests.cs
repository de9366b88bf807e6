using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Samples;

/// <summary>The samples end to end over HTTP, on Azurite, as a client of Durable Functions drives them.</summary>
public sealed class SamplesTests
{
    [Fact]
    public async Task Hello_Started_CompletesWithThreeGreetings()
    {
        await using var app = await AppHost.StartAsync(AppHost.OnAzurite(AppHost.NewHubName()));

        var status = await RunAsync(app, "/api/samples/hello");

        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!"], status.GetProperty("output").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task FanOut_Thousand_EveryResultExactlyOnce()
    {
        await using var app = await AppHost.StartAsync(AppHost.OnAzurite(AppHost.NewHubName()));

        var status = await RunAsync(app, "/api/samples/fanout?count=1000", "&showHistory=true&showHistoryOutput=true");
        var completions = status.GetProperty("historyEvents").EnumerateArray()
            .Where(e => e.GetProperty("eventType").GetString() == "TaskCompleted")
            .Select(e => e.GetProperty("taskId").GetInt32())
            .ToList();

        Assert.Equal(1000, status.GetProperty("output").GetProperty("count").GetInt32());
        Assert.Equal(499_500, status.GetProperty("output").GetProperty("sum").GetInt64());
        Assert.Equal(Enumerable.Range(0, 1000), completions.Order());
    }

    [Fact]
    public async Task Approval_EventRaised_OutputsApproved()
    {
        await using var app = await AppHost.StartAsync(AppHost.OnAzurite(AppHost.NewHubName()));
        var payload = await StartAsync(app, "/api/samples/approval?timeoutSeconds=60");
        await WaitForRunningAsync(app, payload.GetProperty("statusQueryGetUri").GetString()!);

        var raise = payload.GetProperty("sendEventPostUri").GetString()!.Replace("{eventName}", "approval", StringComparison.Ordinal);
        var raised = await app.Client.PostAsJsonAsync(new Uri(raise), new { by = "reviewer" });
        var status = await app.Client.GetFromJsonAsync<JsonElement>(new Uri(payload.GetProperty("statusQueryGetUri").GetString() + "&waitForCompletion=60"));

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Equal("approved", status.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Approval_NoEvent_OutputsTimedOut()
    {
        await using var app = await AppHost.StartAsync(AppHost.OnAzurite(AppHost.NewHubName()));

        var status = await RunAsync(app, "/api/samples/approval?timeoutSeconds=1");

        Assert.Equal("timed out", status.GetProperty("output").GetString());
    }

    [Theory]
    [InlineData("/api/samples/fanout?count=abc", "count")]
    [InlineData("/api/samples/fanout?count=0", "count")]
    [InlineData("/api/samples/approval?timeoutSeconds=-1", "timeoutSeconds")]
    public async Task Start_BadQuery_Answers400NamingTheField(string route, string field)
    {
        await using var app = await AppHost.StartAsync();

        var response = await app.Client.PostAsync(new Uri($"{route}&code={AppHost.Key}", UriKind.Relative), null);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    private static async Task<JsonElement> StartAsync(AppHost app, string route)
    {
        var separator = route.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await app.Client.PostAsync(new Uri($"{route}{separator}code={AppHost.Key}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> RunAsync(AppHost app, string route, string statusQuery = "")
    {
        var payload = await StartAsync(app, route);
        var statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;
        var response = await app.Client.GetAsync(new Uri($"{statusUri}&waitForCompletion=90{statusQuery}"));
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        return status;
    }

    private static async Task WaitForRunningAsync(AppHost app, string statusUri)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await app.Client.GetFromJsonAsync<JsonElement>(new Uri(statusUri), cancellation.Token)).GetProperty("runtimeStatus").GetString() != "Running")
        {
            await Task.Delay(50, cancellation.Token);
        }
    }
}
