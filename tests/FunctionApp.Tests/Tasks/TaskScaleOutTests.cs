using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fractal.FunctionApp.Tests.Recovery;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>
/// Two local-host processes on one task hub share a partitioned model's partitions: the history shows partitions computed
/// by both, and killing one mid-run (SIGKILL) still completes the task with every partition counted. Real processes,
/// so they time out on their own; this test runs alone.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class TaskScaleOutTests
{
    private const int Partitions = 24;
    private const long Rows = 24_000_000;

    private readonly ITestOutputHelper _output;

    public TaskScaleOutTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task PartitionedTask_TwoHostsAndOneKilledMidRun_BothComputedPartitionsAndTheTaskCompletes()
    {
        await using var broker = await TaskBroker.CreateAsync();
        var settings = broker.HostSettings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        await using var hub = new RecoveryHub(_output, TimeSpan.FromSeconds(10), settings);
        var a = await hub.StartWorkerAsync("a");
        var b = await hub.StartWorkerAsync("b");
        var id = "scale-" + Guid.NewGuid().ToString("N")[..10];

        await broker.PublishAsync(new { model = "frontier-aggregation", task_id = id, @params = new { demo = new { rows = Rows, seed = 11 }, partitions = Partitions, bucket_seconds = 86_400 } });
        var workers = await WaitForWorkersAsync(a, id, count => count >= 2);
        await b.KillAsync();
        var atKill = (await PartitionWorkersAsync(a, id)).Count;
        hub.Log($"partitions computed by {string.Join(", ", workers)}; b killed with {atKill} of {Partitions} partition results in");
        var task = await TaskCalls.WaitAsync(a.Client, id, TimeSpan.FromMinutes(4));
        var computedBy = await PartitionWorkersAsync(a, id);

        Assert.True(atKill < Partitions, "the task had computed every partition before b was killed");
        Assert.Equal("Completed", task.GetProperty("status").GetString());
        Assert.Equal(Rows, task.GetProperty("output").GetProperty("rows").GetInt64());
        Assert.Equal(Rows, task.GetProperty("output").GetProperty("keys").EnumerateArray().Sum(k => k.GetProperty("count").GetInt64()));
        Assert.True(computedBy.Count >= Partitions, $"{computedBy.Count} partition results in the history");
        Assert.True(computedBy.Distinct().Count() >= 2, "one worker computed every partition");
    }

    /// <summary>Waits until the partitions computed so far name enough workers; returns them.</summary>
    private static async Task<HashSet<string>> WaitForWorkersAsync(WorkerProcess worker, string id, Func<int, bool> enough)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var workers = (await PartitionWorkersAsync(worker, id)).ToHashSet();
            if (enough(workers.Count))
            {
                return workers;
            }

            await Task.Delay(300, cancel.Token);
        }
    }

    /// <summary>The worker of each partition result in the task's history (the management API with the master key).</summary>
    private static async Task<List<string>> PartitionWorkersAsync(WorkerProcess worker, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/task:{id}?showHistory=true&showHistoryOutput=true");
        request.Headers.Add("x-functions-key", AppHost.MasterKey);
        using var response = await worker.Client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!status.TryGetProperty("historyEvents", out var history))
        {
            return [];
        }

        return [.. history.EnumerateArray()
            .Where(e => e.GetProperty("EventType").GetString() == "TaskCompleted" && e.TryGetProperty("FunctionName", out var name) && name.GetString() == "ProcessTaskPartition")
            .Select(e => e.GetProperty("Result"))
            .Select(result => (result.ValueKind == JsonValueKind.String ? JsonDocument.Parse(result.GetString()!).RootElement : result).GetProperty("worker").GetString()!)];
    }
}
