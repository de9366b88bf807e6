using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DurableTask.AzureStorage;
using Fractal.LocalHost.Tests.Support;
using Fractal.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.LocalHost.Tests.Management;

/// <summary>The management API over the samples app on DTFx and Azurite: start, status, history, events, terminate, suspend, resume, purge.</summary>
public sealed class ManagementEndToEndTests : IAsyncLifetime
{
    private const string SystemKey = "end-to-end-system-key-01";
    private LocalFunctionsHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var settings = DurableTestHost.TestSettings(DurableTestHost.NewHubName());
        settings["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        settings["FRACTAL_HOST_KEY"] = "end-to-end-function-key";
        settings["FRACTAL_MASTER_KEY"] = "end-to-end-master-key-01";
        settings["FRACTAL_DURABLETASK_EXTENSION_KEY"] = SystemKey;
        _host = LocalFunctionsHost.Create(new LocalFunctionsHostOptions { AppAssembly = typeof(HelloSample).Assembly, Settings = settings });
        await _host.StartAsync();
        _http = new HttpClient { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        var service = _host.Services.GetRequiredService<AzureStorageOrchestrationService>();
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            await service.DeleteAsync();
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_ThenStatusUri_CompletesWithOutputAndHistory()
    {
        using var start = await _http.PostAsync(new Uri($"runtime/webhooks/durabletask/orchestrators/{nameof(HelloSample.HelloCities)}?code={SystemKey}", UriKind.Relative), null);
        var payload = await start.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var statusUri = new Uri(payload.GetProperty("statusQueryGetUri").GetString()!);
        Assert.Contains($"code={SystemKey}", statusUri.Query, StringComparison.Ordinal);
        Assert.Equal(statusUri, start.Headers.Location);

        var body = await PollUntilDoneAsync(new Uri(statusUri + "&showHistory=true&showHistoryOutput=true"));

        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Hello Tokyo!", body.GetProperty("output")[0].GetString());
        var history = body.GetProperty("historyEvents").EnumerateArray().ToList();
        Assert.Equal("ExecutionStarted", history[0].GetProperty("EventType").GetString());
        Assert.Equal(nameof(HelloSample.HelloCities), history[0].GetProperty("FunctionName").GetString());
        var task = history.First(e => e.GetProperty("EventType").GetString() == "TaskCompleted");
        Assert.Equal(nameof(HelloSample.SayHello), task.GetProperty("FunctionName").GetString());
        Assert.True(task.TryGetProperty("ScheduledTime", out _));
        Assert.Equal("Hello Tokyo!", task.GetProperty("Result").GetString());
        Assert.DoesNotContain(history, e => e.GetProperty("EventType").GetString() is "TaskScheduled" or "OrchestratorStarted");
    }

    [Fact]
    public async Task RaiseEvent_ToWaitingInstance_CompletesIt()
    {
        var id = await StartAsync(nameof(ApprovalSample.Approval), "120");
        await PollAsync($"runtime/webhooks/durabletask/instances/{id}?code={SystemKey}", b => b.GetProperty("runtimeStatus").GetString() == "Running");
        using var content = new StringContent("true", Encoding.UTF8, "application/json");

        using var raised = await _http.PostAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}/raiseEvent/{ApprovalSample.ApprovalEvent}?code={SystemKey}", UriKind.Relative), content);
        var body = await PollUntilDoneAsync(new Uri(_host.BaseAddress, $"runtime/webhooks/durabletask/instances/{id}?code={SystemKey}"));

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Equal("approved", body.GetProperty("output").GetString());
    }

    [Fact]
    public async Task SuspendResumeTerminatePurge_RunningInstance_EachTakesEffect()
    {
        var id = await StartAsync(nameof(ApprovalSample.Approval), "120");
        var instance = $"runtime/webhooks/durabletask/instances/{id}";
        await PollAsync($"{instance}?code={SystemKey}", b => b.GetProperty("runtimeStatus").GetString() == "Running");

        using var suspend = await _http.PostAsync(new Uri($"{instance}/suspend?reason=pause&code={SystemKey}", UriKind.Relative), null);
        await PollAsync($"{instance}?code={SystemKey}", b => b.GetProperty("runtimeStatus").GetString() == "Suspended");
        using var resume = await _http.PostAsync(new Uri($"{instance}/resume?reason=go&code={SystemKey}", UriKind.Relative), null);
        await PollAsync($"{instance}?code={SystemKey}", b => b.GetProperty("runtimeStatus").GetString() == "Running");
        using var terminate = await _http.PostAsync(new Uri($"{instance}/terminate?reason=enough&code={SystemKey}", UriKind.Relative), null);
        var ended = await PollAsync($"{instance}?code={SystemKey}", b => b.GetProperty("runtimeStatus").GetString() == "Terminated");
        using var purge = await _http.DeleteAsync(new Uri($"{instance}?code={SystemKey}", UriKind.Relative));
        var purged = await purge.Content.ReadFromJsonAsync<JsonElement>();
        using var gone = await _http.GetAsync(new Uri($"{instance}?code={SystemKey}", UriKind.Relative));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], new[] { suspend.StatusCode, resume.StatusCode, terminate.StatusCode });
        Assert.Equal("enough", ended.GetProperty("output").GetString());
        Assert.Equal(1, purged.GetProperty("instancesDeleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task List_ByPrefixAndPage_PagesWithTheContinuationHeader()
    {
        var prefix = $"page{Guid.NewGuid():N}"[..12];
        for (var i = 0; i < 3; i++)
        {
            using var start = await _http.PostAsync(new Uri($"runtime/webhooks/durabletask/orchestrators/{nameof(HelloSample.HelloCities)}/{prefix}-{i}?code={SystemKey}", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"runtime/webhooks/durabletask/instances?instanceIdPrefix={prefix}&top=2&code={SystemKey}");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(page.GetArrayLength() <= 2);
            seen.AddRange(page.EnumerateArray().Select(i => i.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
        }
        while (token is not null);

        Assert.Equal([$"{prefix}-0", $"{prefix}-1", $"{prefix}-2"], seen.Order().ToList());
    }

    [Fact]
    public async Task Restart_CompletedInstance_RunsAgainUnderANewIdWithTheSameInput()
    {
        var id = await StartAsync(nameof(SequenceSample.Sequence), "\"x\"");
        var first = await PollUntilDoneAsync(new Uri(_host.BaseAddress, $"runtime/webhooks/durabletask/instances/{id}?code={SystemKey}"));

        using var restart = await _http.PostAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}/restart?code={SystemKey}", UriKind.Relative), null);
        var payload = await restart.Content.ReadFromJsonAsync<JsonElement>();
        var newId = payload.GetProperty("id").GetString()!;
        var second = await PollUntilDoneAsync(new Uri(payload.GetProperty("statusQueryGetUri").GetString()!));

        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        Assert.NotEqual(id, newId);
        Assert.Equal("Completed", second.GetProperty("runtimeStatus").GetString());
        Assert.Equal(first.GetProperty("input").GetString(), second.GetProperty("input").GetString());
        Assert.Equal(first.GetProperty("output").GetString(), second.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Restart_SameIdWhileRunning_Is409()
    {
        var id = await StartAsync(nameof(ApprovalSample.Approval), "120");
        await PollAsync($"runtime/webhooks/durabletask/instances/{id}?code={SystemKey}", b => b.GetProperty("runtimeStatus").GetString() == "Running");

        using var restart = await _http.PostAsync(
            new Uri($"runtime/webhooks/durabletask/instances/{id}/restart?restartWithNewInstanceId=false&code={SystemKey}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, restart.StatusCode);
    }

    [Fact]
    public async Task Rewind_FailedInstance_ReplaysTheFailedActivityAndCompletes()
    {
        var id = await StartAsync(nameof(RetrySample.FailsUntilRewound), "1");
        var status = $"runtime/webhooks/durabletask/instances/{id}?code={SystemKey}";
        var failed = await PollUntilDoneAsync(new Uri(_host.BaseAddress, status));

        using var rewind = await _http.PostAsync(new Uri($"runtime/webhooks/durabletask/instances/{id}/rewind?reason=retry&code={SystemKey}", UriKind.Relative), null);
        var completed = await PollAsync(status, b => b.GetProperty("runtimeStatus").GetString() == "Completed");

        Assert.Equal("Failed", failed.GetProperty("runtimeStatus").GetString());
        Assert.Equal(HttpStatusCode.Accepted, rewind.StatusCode);
        Assert.Equal(2, completed.GetProperty("output").GetInt32());
    }

    [Fact]
    public async Task PurgeByFilter_CreatedTimeAndStatus_DeletesOnlyMatchingInstances()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var done = await StartAsync(nameof(SequenceSample.Sequence), "\"p\"");
        var running = await StartAsync(nameof(ApprovalSample.Approval), "120");
        await PollUntilDoneAsync(new Uri(_host.BaseAddress, $"runtime/webhooks/durabletask/instances/{done}?code={SystemKey}"));
        await PollAsync($"runtime/webhooks/durabletask/instances/{running}?code={SystemKey}", b => b.GetProperty("runtimeStatus").GetString() == "Running");
        var window = $"createdTimeFrom={Uri.EscapeDataString(from.ToString("o"))}&runtimeStatus=Completed,Failed,Terminated&code={SystemKey}";

        using var purge = await _http.DeleteAsync(new Uri($"runtime/webhooks/durabletask/instances?{window}", UriKind.Relative));
        var purged = await purge.Content.ReadFromJsonAsync<JsonElement>();
        using var doneAfter = await _http.GetAsync(new Uri($"runtime/webhooks/durabletask/instances/{done}?code={SystemKey}", UriKind.Relative));
        using var runningAfter = await _http.GetAsync(new Uri($"runtime/webhooks/durabletask/instances/{running}?code={SystemKey}", UriKind.Relative));
        using var again = await _http.DeleteAsync(new Uri($"runtime/webhooks/durabletask/instances?{window}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.True(purged.GetProperty("instancesDeleted").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, doneAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, runningAfter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task HelloStart_DurableClientPayload_Is202WithLocationAndWorkingUrls()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/samples/hello");
        request.Headers.Add("x-functions-key", "end-to-end-function-key");

        using var start = await _http.SendAsync(request);
        var payload = await start.Content.ReadFromJsonAsync<JsonElement>();
        var statusUri = new Uri(payload.GetProperty("statusQueryGetUri").GetString()!);
        var body = await PollUntilDoneAsync(statusUri);

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal(statusUri, start.Headers.Location);
        Assert.StartsWith(new Uri(_host.BaseAddress, "runtime/webhooks/durabletask/instances/").ToString(), statusUri.ToString(), StringComparison.Ordinal);
        Assert.Contains($"code={SystemKey}", statusUri.Query, StringComparison.Ordinal);
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
    }

    private async Task<string> StartAsync(string orchestrator, string input)
    {
        using var content = new StringContent(input, Encoding.UTF8, "application/json");
        using var start = await _http.PostAsync(new Uri($"runtime/webhooks/durabletask/orchestrators/{orchestrator}?code={SystemKey}", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        return (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<JsonElement> PollUntilDoneAsync(Uri statusUri) =>
        PollAsync(statusUri.ToString(), b => b.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated");

    private async Task<JsonElement> PollAsync(string uri, Func<JsonElement, bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await _http.GetAsync(new Uri(uri, UriKind.RelativeOrAbsolute), deadline.Token);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
                if (condition(body))
                {
                    return body;
                }
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
