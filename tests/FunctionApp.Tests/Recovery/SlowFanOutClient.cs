using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>Starts the slow fan-out sample on a worker and reads its status through the management API, as a Durable Functions client does.</summary>
internal static class SlowFanOutClient
{
    /// <summary>Starts <c>POST /api/samples/slowfanout</c> with <paramref name="query"/> (e.g. <c>count=300&amp;delayMs=50</c>); returns the instance id.</summary>
    public static async Task<string> StartAsync(WorkerProcess worker, string query)
    {
        using var response = await worker.Client.PostAsync(new Uri($"/api/samples/slowfanout?{query}&code={AppHost.Key}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await response.Content.ReadFromJsonAsync<JsonElement>();
        return payload.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Long-polls the instance's status on <paramref name="worker"/> until it has ended, then reads it
    /// once more with its history; fails when it has not ended within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<JsonElement> WaitForEndAsync(WorkerProcess worker, string instanceId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var status = "Unknown";
        while (DateTime.UtcNow < deadline)
        {
            var body = await GetStatusAsync(worker, instanceId, "&waitForCompletion=5");
            status = body.GetProperty("runtimeStatus").GetString()!;
            if (status is "Completed" or "Failed" or "Terminated")
            {
                return await GetStatusAsync(worker, instanceId, "&showHistory=true");
            }
        }

        Assert.Fail($"Instance {instanceId} was still {status} after {timeout}.");
        return default;
    }

    /// <summary>
    /// Asserts that the instance completed with every activity's result exactly once: its output lists
    /// <c>0..count-1</c> in task order, and its history schedules and completes each task id exactly once.
    /// </summary>
    /// <returns>The workers that ran the activities whose results made it into the output.</returns>
    public static IReadOnlySet<string> AssertEveryResultExactlyOnce(JsonElement status, int count)
    {
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        var results = status.GetProperty("output").EnumerateArray().Select(e => e.GetString()!.Split('@')).ToList();
        var history = status.GetProperty("historyEvents").EnumerateArray().ToList();

        Assert.Equal(Enumerable.Range(0, count), results.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
        Assert.Equal(Enumerable.Range(0, count), TaskIds(history, "TaskScheduled"));
        Assert.Equal(Enumerable.Range(0, count), TaskIds(history, "TaskCompleted"));
        return results.Select(r => r[1]).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<JsonElement> GetStatusAsync(WorkerProcess worker, string instanceId, string options)
    {
        var uri = new Uri($"/runtime/webhooks/durabletask/instances/{instanceId}?code={AppHost.Key}{options}", UriKind.Relative);
        using var response = await worker.Client.GetAsync(uri);
        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.BadRequest,
            $"The status query of {instanceId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<int> TaskIds(List<JsonElement> history, string eventType) =>
        history.Where(e => e.GetProperty("eventType").GetString() == eventType).Select(e => e.GetProperty("taskId").GetInt32()).Order();
}
