using System.Net;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>
/// The broker stopped and started again while the local host consumes the task queue: every message the broker accepted,
/// before the outage or after it, becomes a completed task. It stops the RabbitMQ application that every test shares, for
/// a few seconds, so it runs alone.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class BrokerRestartTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromMinutes(6);

    private readonly ITestOutputHelper _output;

    public BrokerRestartTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task BrokerRestartsMidRun_EveryAcceptedMessageCompletes()
    {
        await using var broker = await TaskBroker.CreateAsync();
        var before = Enumerable.Range(0, 60).Select(i => $"before-{i}-{Guid.NewGuid():N}"[..28]).ToList();
        var after = Enumerable.Range(0, 20).Select(i => $"after-{i}-{Guid.NewGuid():N}"[..28]).ToList();
        foreach (var id in before)
        {
            await broker.PublishAsync(new { model = "frontier-aggregation", task_id = id, @params = new { demo = new { rows = 20_000 }, partitions = 2 } });
        }

        var logs = new RecordingLoggerProvider();
        await using var app = await AppHost.StartAsync(broker.HostSettings(), logs);
        await WaitUntilAsync(async () => await CompletedAsync(app, before) >= 5);
        _output.WriteLine($"{await CompletedAsync(app, before)} of {before.Count} completed when the broker stops");
        try
        {
            await BrokerControl.StopAppAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await BrokerControl.StartAppAsync();
        }

        foreach (var id in after)
        {
            await PublishWhenBackAsync(broker, new { model = "frontier-aggregation", task_id = id, @params = new { demo = new { rows = 20_000 }, partitions = 2 } });
        }

        await WaitUntilAsync(async () => await CompletedAsync(app, [.. before, .. after]) == before.Count + after.Count);
        var (status, page) = await TaskCalls.GetAsync(app.Client, "/api/tasks?top=500");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before.Count + after.Count, page.GetProperty("tasks").GetArrayLength());
        Assert.Contains(logs.Lines, line => line.Contains("the connection to the broker was lost", StringComparison.Ordinal));
        Assert.True(logs.Lines.Count(line => line.Contains("listens on queue " + broker.Queue, StringComparison.Ordinal)) >= 2, "the consumer did not listen again");
    }

    private static async Task<int> CompletedAsync(AppHost app, IReadOnlyList<string> ids)
    {
        var (_, page) = await TaskCalls.GetAsync(app.Client, "/api/tasks?top=500");
        var completed = page.GetProperty("tasks").EnumerateArray()
            .Where(task => task.GetProperty("status").GetString() == "Completed")
            .Select(task => task.GetProperty("id").GetString())
            .ToHashSet();
        return ids.Count(completed.Contains);
    }

    /// <summary>Publishes once the test's own connection has recovered from the outage.</summary>
    private static async Task PublishWhenBackAsync(TaskBroker broker, object body)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await broker.PublishAsync(body);
                return;
            }
            catch (Exception) when (attempt < 60)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cancel = new CancellationTokenSource(s_wait);
        while (!await condition())
        {
            await Task.Delay(500, cancel.Token);
        }
    }
}
