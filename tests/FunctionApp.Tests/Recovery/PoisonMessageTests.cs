using System.Text.Json;
using Fractal.Durable;
using Fractal.Durable.Messaging;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>
/// A work item that can never be processed: its activity ends the worker process each time it runs.
/// The worker is restarted after every crash; once the message has been received more than five
/// times the engine moves it to <c>{hub}-poison</c> and fails its instance with the reason.
/// </summary>
public sealed class PoisonMessageTests
{
    /// <summary>The engine's default: a message received more often than this is poison.</summary>
    private const int MaxDequeueCount = 5;

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(150);

    private readonly ITestOutputHelper _output;

    public PoisonMessageTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task WorkItem_CrashesItsWorkerEveryTime_GoesToPoisonQueueAndFailsItsInstance()
    {
        // Hidden messages come back after 2 s, so a restarted worker receives the batch again at once.
        await using var hub = new RecoveryHub(_output, TimeSpan.FromSeconds(2));
        var worker = await hub.StartWorkerAsync("w");
        await RecoveryWait.UntilAsync(() => worker.OwnedPartitions.Count == RecoveryHub.PartitionCount, "worker w owns every partition");
        // The crash comes a second into the batch, after the step that scheduled it has deleted its start message.
        var instanceId = await SlowFanOutClient.StartAsync(worker, "count=4&delayMs=1000&crashAt=2");

        var crashes = 0;
        var deadline = DateTime.UtcNow + s_timeout;
        while ((await hub.Backend.Instances.GetInstanceAsync(instanceId, CancellationToken.None))?.RuntimeStatus is not
            (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Instance {instanceId} had not ended {s_timeout} after it started, after {crashes} crashes.");
            if (worker.HasExited)
            {
                crashes++;
                hub.Log($"worker w crashed (exit code {worker.ExitCode}), crash {crashes}; restarting it");
                worker = hub.LaunchWorker("w");
            }

            await Task.Delay(100);
        }

        await worker.WaitUntilAnsweringAsync();
        var status = await SlowFanOutClient.WaitForEndAsync(worker, instanceId, TimeSpan.FromSeconds(10));
        var poison = await hub.PeekPoisonAsync(CancellationToken.None);
        hub.Log($"instance ended after {crashes} crashes: {status.GetProperty("output")}");

        Assert.Equal("Failed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("PoisonMessage", status.GetProperty("failureDetails").GetProperty("errorType").GetString());
        Assert.Contains("poison queue", status.GetProperty("failureDetails").GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.True(crashes >= MaxDequeueCount, $"Only {crashes} crashes before the instance failed.");
        // A crash before the step deleted its start message would have sent the batch twice: each copy may end in poison.
        Assert.Contains(
            poison.Select(p => JsonSerializer.Deserialize<PoisonMessage>(p, JsonSerializerOptions.Web)!),
            p => p.SourceQueue.EndsWith("-workitems", StringComparison.Ordinal) && p.DequeueCount == MaxDequeueCount + 1);
    }
}
