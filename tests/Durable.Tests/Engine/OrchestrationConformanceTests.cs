using Fractal.Durable.Backends;
using Fractal.Durable.Engine;

namespace Fractal.Durable.Tests.Engine;

/// <summary>
/// The engine's behaviour, the same on every backend and with the speed features on or off: each
/// subclass names a backend and options.
/// </summary>
public abstract class OrchestrationConformanceTests
{
    protected abstract ITaskHubBackend CreateBackend();

    protected virtual DurableTaskOptions Options => new() { MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task CallActivityAsync_ThreeChained_ReturnsResultsInOrder()
    {
        await using var hub = await StartHubAsync(r => r
            .AddActivity<string, string>("SayHello", name => Task.FromResult($"Hello {name}!"))
            .AddOrchestrator("Hello", async ctx => new[]
            {
                await ctx.CallActivityAsync<string>("SayHello", "Tokyo"),
                await ctx.CallActivityAsync<string>("SayHello", "Seattle"),
                await ctx.CallActivityAsync<string>("SayHello", "London"),
            }));

        var result = await hub.RunAsync("Hello");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!"], result.ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task CallActivityAsync_FanOutOfThousand_EveryResultOnce()
    {
        await using var hub = await StartHubAsync(r => r
            .AddActivity<int, int>("Identity", i => Task.FromResult(i))
            .AddOrchestrator("FanOut", async ctx =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => ctx.CallActivityAsync<int>("Identity", i)));
                return results;
            }));

        var result = await hub.RunAsync("FanOut");

        Assert.Equal(Enumerable.Range(0, 1000), result.ReadOutputAs<int[]>()!);
    }

    [Fact]
    public async Task GetInput_StartedWithInput_ReadsIt()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("Echo", ctx => Task.FromResult(ctx.GetInput<int[]>()!.Sum())));

        var result = await hub.RunAsync("Echo", new[] { 1, 2, 3 });

        Assert.Equal(6, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallActivityAsync_ActivityThrows_OrchestratorCatchesTaskFailedException()
    {
        await using var hub = await StartHubAsync(r => r
            .AddActivity<string, string>("Boom", _ => throw new InvalidOperationException("kaput"))
            .AddOrchestrator("Catcher", async ctx =>
            {
                try
                {
                    await ctx.CallActivityAsync<string>("Boom", "x");
                    return "no error";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}";
                }
            }));

        var result = await hub.RunAsync("Catcher");

        Assert.Equal("Boom|System.InvalidOperationException|kaput", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Orchestrator_Throws_InstanceFailsWithDetails()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator<int>("Fails", _ => throw new ArgumentException("bad input")));

        var result = await hub.RunAsync("Fails");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("System.ArgumentException", result.FailureDetails?.ErrorType);
        Assert.Equal("bad input", result.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public async Task CallActivityAsync_RetryPolicy_RetriesUntilSuccess()
    {
        var attempts = 0;
        await using var hub = await StartHubAsync(r => r
            .AddActivity<string, int>("Flaky", _ => ++attempts < 3 ? throw new TimeoutException("slow") : Task.FromResult(attempts))
            .AddOrchestrator("Retrying", ctx => ctx.CallActivityAsync<int>(
                "Flaky", "x", TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMilliseconds(50), 2.0)))));

        var result = await hub.RunAsync("Retrying");

        Assert.Equal(3, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_FailsAfterMaxAttempts()
    {
        var attempts = 0;
        await using var hub = await StartHubAsync(r => r
            .AddActivity<string, int>("AlwaysFails", _ =>
            {
                Interlocked.Increment(ref attempts);
                throw new TimeoutException("slow");
            })
            .AddOrchestrator("Retrying", ctx => ctx.CallActivityAsync<int>(
                "AlwaysFails", "x", TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(20))))));

        var result = await hub.RunAsync("Retrying");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public void DelayAfter_Backoff_GrowsAndCaps()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(5));

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(1, 5).Select(a => policy.DelayAfter(a).TotalSeconds));
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_Child_ReturnsItsOutput()
    {
        await using var hub = await StartHubAsync(r => r
            .AddActivity<int, int>("Square", i => Task.FromResult(i * i))
            .AddOrchestrator("Child", async ctx => await ctx.CallActivityAsync<int>("Square", ctx.GetInput<int>()))
            .AddOrchestrator("Parent", async ctx =>
            {
                var results = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => ctx.CallSubOrchestratorAsync<int>("Child", i)));
                return results.Sum();
            }));

        var result = await hub.RunAsync("Parent");

        Assert.Equal(14, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentSeesTaskFailedException()
    {
        await using var hub = await StartHubAsync(r => r
            .AddOrchestrator<int>("BadChild", _ => throw new InvalidOperationException("child broke"))
            .AddOrchestrator("Parent", async ctx =>
            {
                try
                {
                    await ctx.CallSubOrchestratorAsync<int>("BadChild");
                    return "no error";
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorMessage;
                }
            }));

        var result = await hub.RunAsync("Parent");

        Assert.Equal("child broke", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_Counter_RestartsWithNewInputUntilDone()
    {
        await using var hub = await StartHubAsync(r => r
            .AddOrchestrator("Counter", ctx =>
            {
                var n = ctx.GetInput<int>();
                if (n < 5)
                {
                    ctx.ContinueAsNew(n + 1);
                }

                return Task.FromResult(n);
            }));

        var result = await hub.RunAsync("Counter", 0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(5, result.ReadOutputAs<int>());
        Assert.Equal(5, result.ReadInputAs<int>());
    }

    [Fact]
    public async Task CreateTimer_Delay_FiresAfterIt()
    {
        await using var hub = await StartHubAsync(r => r
            .AddOrchestrator("Sleeper", async ctx =>
            {
                var before = ctx.CurrentUtcDateTime;
                await ctx.CreateTimer(TimeSpan.FromMilliseconds(300), CancellationToken.None);
                return (ctx.CurrentUtcDateTime - before).TotalMilliseconds;
            }));

        var result = await hub.RunAsync("Sleeper");

        Assert.True(result.ReadOutputAs<double>() >= 300);
    }

    [Fact]
    public async Task WaitForExternalEvent_EventRaised_ReturnsPayload()
    {
        await using var hub = await StartHubAsync(r => r
            .AddOrchestrator("Waiter", ctx => ctx.WaitForExternalEvent<string>("approval")));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await hub.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Running);

        await hub.Client.RaiseEventAsync(id, "approval", "yes");
        var result = await hub.WaitAsync(id);

        Assert.Equal("yes", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_Timeout_ThrowsTaskCanceled()
    {
        await using var hub = await StartHubAsync(r => r
            .AddOrchestrator("Waiter", async ctx =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("approval", TimeSpan.FromMilliseconds(200));
                }
                catch (TaskCanceledException)
                {
                    return "timed out";
                }
            }));

        var result = await hub.RunAsync("Waiter");

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventBeforeWait_IsBuffered()
    {
        await using var hub = await StartHubAsync(r => r
            .AddActivity<int, int>("Slow", async i =>
            {
                await Task.Delay(300);
                return i;
            })
            .AddOrchestrator("Buffered", async ctx =>
            {
                await ctx.CallActivityAsync<int>("Slow", 1);
                return await ctx.WaitForExternalEvent<int>("go");
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Buffered");
        await hub.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Running);

        await hub.Client.RaiseEventAsync(id, "go", 42);
        var result = await hub.WaitAsync(id);

        Assert.Equal(42, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task SetCustomStatus_Progress_VisibleToClients()
    {
        await using var hub = await StartHubAsync(r => r
            .AddOrchestrator("Reporter", async ctx =>
            {
                ctx.SetCustomStatus(new { done = 1, total = 2 });
                return await ctx.WaitForExternalEvent<int>("finish");
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Reporter");
        await hub.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Running);

        var running = await hub.Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        Assert.Equal("""{"done":1,"total":2}""", running?.SerializedCustomStatus);
    }

    [Fact]
    public async Task NewGuid_AcrossReplays_StaysTheSame()
    {
        await using var hub = await StartHubAsync(r => r
            .AddActivity<string, string>("Echo", Task.FromResult)
            .AddOrchestrator("Guids", async ctx =>
            {
                var first = ctx.NewGuid();
                var echoed = await ctx.CallActivityAsync<string>("Echo", first.ToString());
                var second = ctx.NewGuid();
                return echoed == first.ToString() && first != second;
            }));

        var result = await hub.RunAsync("Guids");

        Assert.True(result.ReadOutputAs<bool>());
    }

    [Fact]
    public async Task IsReplaying_AfterFirstStep_IsTrueOnReplay()
    {
        var seen = new List<bool>();
        await using var hub = await StartHubAsync(r => r
            .AddActivity<int, int>("Id", Task.FromResult)
            .AddOrchestrator("Replays", async ctx =>
            {
                lock (seen)
                {
                    seen.Add(ctx.IsReplaying);
                }

                await ctx.CallActivityAsync<int>("Id", 1);
                return 0;
            }));

        await hub.RunAsync("Replays");

        Assert.Equal([false, true], seen);
    }

    [Fact]
    public async Task Replay_CodeCallsAnotherActivity_FailsNamingExpectedAndActual()
    {
        var activityName = "A";
        await using var hub = await StartHubAsync(r => r
            .AddActivity<int, int>("A", Task.FromResult)
            .AddActivity<int, int>("B", Task.FromResult)
            .AddOrchestrator("Fickle", async ctx =>
            {
                await ctx.CallActivityAsync<int>(activityName, 1);
                return await ctx.WaitForExternalEvent<int>("go");
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Fickle");
        await WaitForHistoryAsync(hub, id, e => e is History.TaskCompletedEvent);

        activityName = "B";
        await hub.Client.RaiseEventAsync(id, "go", 1);
        var result = await hub.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("'A'", result.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'B'", result.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallActivityAsync_LargePayloads_RoundTrip()
    {
        var big = new string('x', 300_000);
        await using var hub = await StartHubAsync(r => r
            .AddActivity<string, string>("Reverse", s => Task.FromResult(new string(s.Reverse().ToArray()) + "!"))
            .AddOrchestrator("Big", ctx => ctx.CallActivityAsync<string>("Reverse", ctx.GetInput<string>())));

        var result = await hub.RunAsync("Big", big);

        Assert.Equal(big + "!", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Start_UnknownActivity_TaskFailsWithClearMessage()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("CallsNothing", ctx => ctx.CallActivityAsync<int>("Missing")));

        var result = await hub.RunAsync("CallsNothing");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("No activity function is named 'Missing'", result.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminateInstanceAsync_Running_EndsTerminatedWithReason()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("Forever", ctx => ctx.WaitForExternalEvent<int>("never")));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await hub.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Running);

        await hub.Client.TerminateInstanceAsync(id, "stop now");
        var result = await hub.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("stop now", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SuspendInstanceAsync_EventWhileSuspended_DeliveredAfterResume()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("Waiter", ctx => ctx.WaitForExternalEvent<int>("go")));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await hub.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Running);

        await hub.Client.SuspendInstanceAsync(id, "hold");
        await hub.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Suspended);
        await hub.Client.RaiseEventAsync(id, "go", 7);
        await Task.Delay(300);
        var suspended = await hub.Client.GetInstanceAsync(id);
        await hub.Client.ResumeInstanceAsync(id, "go on");
        var result = await hub.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, suspended?.RuntimeStatus);
        Assert.Equal(7, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task PurgeInstanceAsync_Completed_RemovesInstanceAndHistory()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("Quick", _ => Task.FromResult(1)));
        var done = await hub.RunAsync("Quick");

        await hub.Client.PurgeInstanceAsync(done.InstanceId);

        Assert.Null(await hub.Client.GetInstanceAsync(done.InstanceId));
        Assert.Empty(await hub.Client.GetHistoryAsync(done.InstanceId));
    }

    [Fact]
    public async Task PurgeInstanceAsync_Running_ThrowsAndKeepsInstance()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("Forever", ctx => ctx.WaitForExternalEvent<int>("never")));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await hub.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Running);

        await Assert.ThrowsAsync<Client.InstanceStateException>(() => hub.Client.PurgeInstanceAsync(id));

        Assert.NotNull(await hub.Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task RaiseEventAsync_CompletedInstance_ThrowsEnded()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("Quick", _ => Task.FromResult(1)));
        var done = await hub.RunAsync("Quick");

        var error = await Assert.ThrowsAsync<Client.InstanceStateException>(() => hub.Client.RaiseEventAsync(done.InstanceId, "late"));

        Assert.True(error.HasEnded);
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_UnknownName_Throws()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("Quick", _ => Task.FromResult(1)));

        await Assert.ThrowsAsync<Client.OrchestratorNotFoundException>(() => hub.Client.ScheduleNewOrchestrationInstanceAsync("Nope"));
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_EndedInstanceId_StartsAgain()
    {
        await using var hub = await StartHubAsync(r => r.AddOrchestrator("Twice", ctx => Task.FromResult(ctx.GetInput<int>())));
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Twice", 1, new Client.StartOrchestrationOptions("same-id"));
        await hub.WaitAsync("same-id");

        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Twice", 2, new Client.StartOrchestrationOptions("same-id"));
        var second = await hub.WaitAsync("same-id");

        Assert.Equal(2, second.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CreateTimer_Cancelled_OrchestratorMovesOn()
    {
        await using var hub = await StartHubAsync(r => r
            .AddActivity<int, int>("Id", Task.FromResult)
            .AddOrchestrator("Race", async ctx =>
            {
                using var cancellation = new CancellationTokenSource();
                var timer = ctx.CreateTimer(TimeSpan.FromHours(1), cancellation.Token);
                var work = ctx.CallActivityAsync<int>("Id", 5);
                var winner = await Task.WhenAny(timer, work);
                cancellation.Cancel();
                return winner == work ? await work : -1;
            }));

        var result = await hub.RunAsync("Race");

        Assert.Equal(5, result.ReadOutputAs<int>());
    }

    private Task<TestHub> StartHubAsync(Action<DurableFunctionRegistry> register) => TestHub.StartAsync(register, Options, CreateBackend());

    private static async Task WaitForHistoryAsync(TestHub hub, string id, Func<History.HistoryEvent, bool> predicate)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await hub.Client.GetHistoryAsync(id, cancellation.Token)).Any(predicate))
        {
            await Task.Delay(20, cancellation.Token);
        }
    }
}
