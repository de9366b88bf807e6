using Fractal.Samples;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>Two host processes on one task hub.</summary>
[Collection(nameof(RecoveryTestGroup))]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const int Activities = 400;

    [Fact]
    public async Task WorkerFanOut_TwoHostsAndTheOrchestrationsOwnerKilled_BothRanActivitiesAndTheSurvivorCompletesIt()
    {
        var timeline = new Timeline(output);
        // One control queue: one host runs the orchestration, both take activities from the shared work-item queue.
        await using var hub = RecoveryHub.Create(partitionCount: 1);
        var hosts = await hub.StartHostsAsync("a", "b");
        try
        {
            timeline.Mark($"hosts {string.Join(" and ", hosts.Select(h => h.WorkerId))} started");
            string Diagnostics() => string.Join("\n", hosts.Select(h => $"--- {h.WorkerId} ({h.LogPath}):\n{h.Tail(20)}"));
            var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(WorkerFanOutSample.WorkerFanOut), new SlowFanOutInput(Activities, DelayMilliseconds: 100));

            var both = hosts.Select(h => h.WorkerId).ToHashSet();
            await hub.WaitForHistoryAsync(id, history => WorkerResults.Workers(history).IsSupersetOf(both), TimeSpan.FromSeconds(90), Diagnostics);
            var owner = Assert.Single((await hub.PartitionOwnersAsync()).Values);
            var victim = Assert.Single(hosts, h => h.WorkerId == owner);
            var survivor = Assert.Single(hosts, h => h != victim);
            await victim.KillAsync();
            timeline.Mark($"SIGKILL {victim.WorkerId}, the orchestration's owner, with {FanOutHistory.Completed(await hub.HistoryAsync(id))} results in");
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await hub.Client.GetInstanceAsync(id))!.RuntimeStatus);

            var done = await hub.WaitForCompletionAsync(id, TimeSpan.FromMinutes(3), Diagnostics);

            timeline.Mark("completed");
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            var results = done.ReadOutputAs<WorkerEcho[]>()!;
            Assert.Equal(Enumerable.Range(0, Activities), results.Select(e => e.Index));
            Assert.Equal(both, results.Select(e => e.WorkerId).ToHashSet());
            Assert.Equal(survivor.WorkerId, Assert.Single((await hub.PartitionOwnersAsync()).Values));
            var recordedAgain = FanOutHistory.AssertEachActivityScheduledOnceAndCompleted(await hub.HistoryAsync(id), Activities);
            timeline.Mark($"{recordedAgain} results recorded again; output by worker: "
                + string.Join(", ", results.GroupBy(e => e.WorkerId).Select(g => $"{g.Key} {g.Count()}")));
            Assert.InRange(recordedAgain, 0, RecoveryHub.MaxRecordedAgain);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
