using Fractal.LocalHost.Functions;
using Fractal.LocalHost.RabbitMQ;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Tests.RabbitMQ;

/// <summary>The local host's RabbitMQ trigger on the real broker: acks, prefetch, dead letters, retries; and its settings.</summary>
public sealed class RabbitMQTriggerListenerTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Message_HostStopsBeforeTheFunctionReturns_IsNotAcknowledgedAndRunsInTheNextHost()
    {
        await using var queue = await TestQueue.CreateAsync();
        var probe = QueueProbe.For(queue.Name);
        var first = await RabbitMQTestHost.StartAsync(queue.Name);
        await queue.PublishAsync("held");
        await WaitUntilAsync(() => Task.FromResult(probe.Entered.Count == 1));
        var readyWhileHeld = await queue.ReadyAsync();

        await first.DisposeAsync();
        var readyAfterStop = await queue.ReadyAsync();
        probe.Gate.SetResult();
        await using var second = await RabbitMQTestHost.StartAsync(queue.Name);
        await WaitUntilAsync(() => Task.FromResult(probe.Returned.Count == 1));
        await WaitUntilAsync(async () => await queue.ReadyAsync() == 0);

        Assert.Equal(0u, readyWhileHeld);
        Assert.Equal(1u, readyAfterStop);
        Assert.Equal(["held", "held"], probe.Entered);
    }

    [Fact]
    public async Task Messages_PrefetchCountTwo_RunTwoInvocationsAtOnce()
    {
        await using var queue = await TestQueue.CreateAsync();
        var probe = QueueProbe.For(queue.Name);
        await using var host = await RabbitMQTestHost.StartAsync(queue.Name, prefetch: 2);
        for (var i = 0; i < 5; i++)
        {
            await queue.PublishAsync($"m{i}");
        }

        await WaitUntilAsync(() => Task.FromResult(probe.Entered.Count == 2), () => $"entered {probe.Entered.Count}");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var enteredWhileHeld = probe.Entered.Count;
        probe.Gate.SetResult();
        await WaitUntilAsync(() => Task.FromResult(probe.Returned.Count == 5), () => $"entered {probe.Entered.Count}, returned {probe.Returned.Count}");

        Assert.Equal(2, enteredWhileHeld);
        Assert.Equal(2, probe.MostAtOnce);
        Assert.Equal(0u, await queue.ReadyAsync());
    }

    [Fact]
    public async Task Message_FunctionThrowsArgumentException_DeadLetteredAtOnceWithTheReasonAndTheNextOneRuns()
    {
        await using var queue = await TestQueue.CreateAsync();
        var probe = QueueProbe.For(queue.Name);
        probe.Gate.SetResult();
        await using var host = await RabbitMQTestHost.StartAsync(queue.Name, prefetch: 1);

        await queue.PublishAsync("bad-1");
        await queue.PublishAsync("good-1");
        await WaitUntilAsync(() => Task.FromResult(probe.Returned.Contains("good-1")));
        var deadLetter = await NextDeadLetterAsync(queue);

        Assert.Equal(("bad-1", "the message 'bad-1' is bad"), deadLetter);
        Assert.Single(probe.Entered, m => m == "bad-1");
        Assert.Null(await queue.NextDeadLetterAsync());
    }

    [Fact]
    public async Task Message_FunctionFailsTwiceThenSucceeds_IsAcknowledgedNotDeadLettered()
    {
        await using var queue = await TestQueue.CreateAsync();
        var probe = QueueProbe.For(queue.Name);
        probe.Gate.SetResult();
        await using var host = await RabbitMQTestHost.StartAsync(queue.Name);

        await queue.PublishAsync("flaky-1");
        await WaitUntilAsync(() => Task.FromResult(probe.Returned.Contains("flaky-1")));
        await WaitUntilAsync(async () => await queue.ReadyAsync() == 0);

        Assert.Equal(3, probe.Attempts["flaky-1"]);
        Assert.Null(await queue.NextDeadLetterAsync());
    }

    [Fact]
    public void Resolve_QueueSettingUnset_NamesTheSettingAndServesNothing()
    {
        var function = FunctionIndex.FromTypes([typeof(RabbitMQTestFunctions)]).Functions.Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TestBroker"] = "amqp://127.0.0.1/" }).Build();

        var (binding, problem) = RabbitMQTriggerBinding.Resolve(function, configuration);

        Assert.True(RabbitMQTriggerBinding.IsRabbitMQTrigger(function));
        Assert.Null(binding);
        Assert.Contains("TEST_QUEUE", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BothSettingsSet_TheQueueAndItsDeadLetters()
    {
        var function = FunctionIndex.FromTypes([typeof(RabbitMQTestFunctions)]).Functions.Single();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TestBroker"] = "amqp://127.0.0.1/", ["TEST_QUEUE"] = "jobs" }).Build();

        var (binding, _) = RabbitMQTriggerBinding.Resolve(function, configuration);

        Assert.Equal(("jobs", "jobs.dead", "amqp://127.0.0.1/"), (binding!.QueueName, binding.DeadLetterName, binding.ConnectionString));
    }

    [Fact]
    public async Task Start_PrefetchCountZero_FailsNamingTheSetting()
    {
        var directory = Directory.CreateTempSubdirectory("localhost-rabbitmq-").FullName;
        try
        {
            await using var host = RabbitMQTestHost.Create(RabbitMQTestHost.NewQueue(), prefetch: 0, directory);

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("AzureFunctionsJobHost.extensions.rabbitMQ.prefetchCount", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(string Body, string? Reason)?> NextDeadLetterAsync(TestQueue queue)
    {
        using var cancel = new CancellationTokenSource(s_wait);
        while (true)
        {
            if (await queue.NextDeadLetterAsync() is { } letter)
            {
                return letter;
            }

            await Task.Delay(100, cancel.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not reached within {s_wait}: {state?.Invoke()}");
            await Task.Delay(100);
        }
    }
}
