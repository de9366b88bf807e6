using Fractal.Samples;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>A host process killed (SIGKILL) in the middle of a 1,000-activity fan-out, and started again.</summary>
[Collection(nameof(RecoveryTestGroup))]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Activities = 1_000;

    [Fact]
    public async Task SlowFanOut_HostKilledMidRunAndRestarted_OutputIsWholeAndEachActivityScheduledOnce()
    {
        var timeline = new Timeline(output);
        await using var hub = RecoveryHub.Create();
        var first = await hub.StartHostAsync("first");
        LocalHostProcess? second = null;
        try
        {
            timeline.Mark("host started");
            var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(SlowFanOutSample.SlowFanOut), new SlowFanOutInput(Activities, DelayMilliseconds: 20));

            // Kill once a tenth of the results are in: well inside the run, with activities in flight.
            await hub.WaitForHistoryAsync(
                id, history => FanOutHistory.Completed(history) >= Activities / 10, TimeSpan.FromSeconds(90), () => first.Tail(30));
            await first.KillAsync();
            var atKill = FanOutHistory.Completed(await hub.HistoryAsync(id));
            timeline.Mark($"SIGKILL with {atKill} results in the history");
            Assert.InRange(atKill, Activities / 10, Activities - 1);
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await hub.Client.GetInstanceAsync(id))!.RuntimeStatus);

            second = await hub.StartHostAsync("second");
            timeline.Mark("second host started");
            var done = await hub.WaitForCompletionAsync(id, TimeSpan.FromMinutes(3), () => second.Tail(30));
            timeline.Mark("completed");

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(Enumerable.Range(0, Activities), done.ReadOutputAs<int[]>());
            var recordedAgain = FanOutHistory.AssertEachActivityScheduledOnceAndCompleted(await hub.HistoryAsync(id), Activities);
            timeline.Mark($"{recordedAgain} results recorded again");
            Assert.InRange(recordedAgain, 0, RecoveryHub.MaxRecordedAgain);
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
