using Fractal.Samples;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>A host process asked to stop (SIGTERM) while orchestrations run, and started again.</summary>
[Collection(nameof(RecoveryTestGroup))]
public sealed class GracefulStopTests(ITestOutputHelper output)
{
    private const int Orchestrations = 4;
    private const int Activities = 100;

    /// <summary>The host's shutdown timeout: what work in flight gets to finish after SIGTERM.</summary>
    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>What the process takes to end once its host has stopped.</summary>
    private static readonly TimeSpan s_processExit = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task SlowFanOuts_HostTerminatedMidRunAndRestarted_StopsWithinFiveSecondsAndTheyComplete()
    {
        var timeline = new Timeline(output);
        await using var hub = RecoveryHub.Create();
        var first = await hub.StartHostAsync("first");
        LocalHostProcess? second = null;
        try
        {
            var ids = new List<string>();
            for (var i = 0; i < Orchestrations; i++)
            {
                ids.Add(await hub.Client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(SlowFanOutSample.SlowFanOut), new SlowFanOutInput(Activities, DelayMilliseconds: 1000)));
            }

            // Their 400 one-second activities, 20 at a time, keep them running for 20 s at least after the first result.
            await hub.WaitUntilRunningAsync(ids, TimeSpan.FromSeconds(90), () => first.Tail(30));
            await hub.WaitForHistoryAsync(ids[0], history => FanOutHistory.Completed(history) > 0, TimeSpan.FromSeconds(90), () => first.Tail(30));
            timeline.Mark("all running, results coming in");
            var stopped = await first.TerminateAsync(s_shutdownTimeout + s_processExit);
            timeline.Mark($"SIGTERM: exited after {stopped?.TotalSeconds:F2} s");

            Assert.True(stopped is not null, $"The host still ran {s_shutdownTimeout + s_processExit} after SIGTERM:\n{first.Tail(30)}");
            Assert.Equal(0, first.ExitCode);
            foreach (var id in ids)
            {
                Assert.Equal(OrchestrationRuntimeStatus.Running, (await hub.Client.GetInstanceAsync(id))!.RuntimeStatus);
            }

            second = await hub.StartHostAsync("second");
            timeline.Mark("second host started");
            foreach (var id in ids)
            {
                var done = await hub.WaitForCompletionAsync(id, TimeSpan.FromMinutes(2), () => second.Tail(30));
                Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
                Assert.Equal(Enumerable.Range(0, Activities), done.ReadOutputAs<int[]>());
                FanOutHistory.AssertEachActivityScheduledOnceAndCompleted(await hub.HistoryAsync(id), Activities);
            }

            timeline.Mark("all completed");
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }
}
