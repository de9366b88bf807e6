using System.Net;

namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>
/// The task queue end to end on the real RabbitMQ and Azurite: the local host consumes a queue of the test's own, the
/// app starts the tasks and publishes their completion to <c>fractal.events</c>.
/// </summary>
public sealed class TaskQueueTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Publish_FiveHundredMessagesAtOnce_EveryTaskCompletesExactlyOnce()
    {
        await using var broker = await TaskBroker.CreateAsync();
        var ids = Enumerable.Range(0, 500).Select(i => $"bulk-{i}-{Guid.NewGuid():N}"[..30]).ToList();
        foreach (var id in ids)
        {
            await broker.PublishAsync(SmallTask(id));
        }

        Assert.Equal(500u, await broker.ReadyCountAsync());
        await using var app = await AppHost.StartAsync(broker.HostSettings());
        await broker.WaitForEventsAsync(ids, s_wait);

        // The event is the orchestration's last activity: its instance reads Completed a moment after.
        var (status, page) = await TaskCalls.GetAsync(app.Client, "/api/tasks?top=500");
        using var settle = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (page.GetProperty("tasks").EnumerateArray().Any(t => t.GetProperty("status").GetString() != "Completed"))
        {
            await Task.Delay(500, settle.Token);
            (status, page) = await TaskCalls.GetAsync(app.Client, "/api/tasks?top=500");
        }

        Assert.Equal(HttpStatusCode.OK, status);
        var tasks = page.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), tasks.Select(t => t.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(tasks, task => Assert.Equal("Completed", task.GetProperty("status").GetString()));
        Assert.All(ids, id => Assert.Single(broker.Events[id]));
        Assert.Equal(0u, await broker.ReadyCountAsync());
    }

    [Fact]
    public async Task Publish_SameMessageIdTwiceAndAgainAfterItEnded_StartsOneTask()
    {
        await using var broker = await TaskBroker.CreateAsync();
        var logs = new RecordingLoggerProvider();
        await using var app = await AppHost.StartAsync(broker.HostSettings(), logs);
        var id = "dup-" + Guid.NewGuid().ToString("N")[..12];
        var body = new { model = "frontier-aggregation", @params = new { demo = new { rows = 1000 }, partitions = 2 } };

        await broker.PublishAsync(body, messageId: id);
        await broker.PublishAsync(body, messageId: id);
        await broker.WaitForEventsAsync([id], s_wait);
        var first = await TaskCalls.WaitAsync(app.Client, id);
        await broker.PublishAsync(body, messageId: id);
        await WaitUntilAsync(() => logs.Lines.Count(line => line.Contains($"Task {id} exists already", StringComparison.Ordinal)) >= 2);
        var after = await TaskCalls.WaitAsync(app.Client, id);
        var (_, page) = await TaskCalls.GetAsync(app.Client, "/api/tasks");

        Assert.Equal("Completed", first.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("created").GetDateTimeOffset(), after.GetProperty("created").GetDateTimeOffset());
        Assert.Equal(first.GetProperty("last_updated").GetDateTimeOffset(), after.GetProperty("last_updated").GetDateTimeOffset());
        Assert.Equal([id], page.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Single(broker.Events[id]);
    }

    [Fact]
    public async Task Publish_BadMessagesAmongGoodOnes_EachBadOneDeadLetteredWithItsReasonAndTheGoodOnesComplete()
    {
        await using var broker = await TaskBroker.CreateAsync();
        await using var app = await AppHost.StartAsync(broker.HostSettings(acceptedModels: "frontier-aggregation"));
        var good = new[] { "good-a-" + Guid.NewGuid().ToString("N")[..8], "good-b-" + Guid.NewGuid().ToString("N")[..8] };
        var bad = new Dictionary<string, string>
        {
            ["{not json"] = "not JSON",
            ["""{"model": "no-such-model", "params": {}}"""] = "'no-such-model' is not an accepted model; the accepted models are frontier-aggregation",
            ["""{"model": "log-ingest", "params": {"handler": "csv", "options": {"data": "id,a\n1,2\n"}, "fields": [{"field": "a", "data_type": "numerical"}]}}"""] = "'log-ingest' is not an accepted model",
            ["""{"model": "frontier-aggregation", "params": {"demo": {"rows": 10}, "partitions": 0}}"""] = "params.partitions",
            ["""{"model": "frontier-aggregation", "params": {"demo": {"rows": 10}}, "task_id": "not a valid id"}"""] = "task_id",
        };

        await broker.PublishAsync(SmallTask(good[0]));
        foreach (var body in bad.Keys)
        {
            await broker.PublishAsync(body, messageId: Guid.NewGuid().ToString("N"));
        }

        await broker.PublishAsync(SmallTask(good[1]));
        var deadLetters = await broker.TakeDeadLettersAsync(bad.Count, s_wait);
        await broker.WaitForEventsAsync(good, s_wait);

        Assert.Equal(bad.Keys.Order(StringComparer.Ordinal), deadLetters.Select(d => d.Body).Order(StringComparer.Ordinal));
        Assert.All(deadLetters, letter => Assert.Contains(bad[letter.Body], letter.Reason ?? "(no reason header)", StringComparison.Ordinal));
        Assert.All(good, id => Assert.Equal("Completed", Assert.Single(broker.Events[id]).GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Publish_AFailingTask_EndsFailedWithTheErrorAndPublishesIt()
    {
        await using var broker = await TaskBroker.CreateAsync();
        await using var app = await AppHost.StartAsync(broker.HostSettings());
        var id = "missing-" + Guid.NewGuid().ToString("N")[..8];

        await broker.PublishAsync(new { model = "frontier-aggregation", task_id = id, @params = new { dataset = "no-such-log-set-" + id } });
        await broker.WaitForEventsAsync([id], s_wait);
        var task = await TaskCalls.WaitAsync(app.Client, id);
        var published = Assert.Single(broker.Events[id]);

        Assert.Equal("Failed", task.GetProperty("status").GetString());
        Assert.Contains("no log set 'no-such-log-set-", task.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Failed", published.GetProperty("status").GetString());
        Assert.Equal("frontier-aggregation", published.GetProperty("model").GetString());
        Assert.Contains("no log set", published.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ACompletedTask_PublishesItsSummaryToFractalEvents()
    {
        await using var broker = await TaskBroker.CreateAsync();
        await using var app = await AppHost.StartAsync(broker.HostSettings());
        var id = "event-" + Guid.NewGuid().ToString("N")[..8];

        await broker.PublishAsync(new { model = "frontier-aggregation", task_id = id, @params = new { demo = new { rows = 5000, seed = 3 }, partitions = 3 } });
        await broker.WaitForEventsAsync([id], s_wait);
        var published = Assert.Single(broker.Events[id]);
        var task = await TaskCalls.WaitAsync(app.Client, id);

        Assert.Equal("Completed", published.GetProperty("status").GetString());
        Assert.Equal(5000, published.GetProperty("output").GetProperty("rows").GetInt64());
        Assert.False(published.GetProperty("output").TryGetProperty("groups", out _));
        Assert.Equal(task.GetProperty("output").GetProperty("groups_total").GetInt32(), published.GetProperty("output").GetProperty("groups_total").GetInt32());
    }

    internal static object SmallTask(string id) => new { model = "frontier-aggregation", task_id = id, @params = new { demo = new { rows = 20 }, partitions = 1 } };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cancel = new CancellationTokenSource(s_wait);
        while (!condition())
        {
            await Task.Delay(200, cancel.Token);
        }
    }
}
