using System.Diagnostics;
using Fractal.Durable.History;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>
/// A worker process killed with SIGKILL in the middle of a fan-out, at three moments; a second
/// worker process on the same task hub takes its partitions once their leases expire and finishes
/// the orchestration with every activity's result exactly once. Real processes, on Azurite.
/// </summary>
public sealed class CrashRecoveryTests
{
    /// <summary>Short enough that the killed worker's hidden messages come back before its leases expire.</summary>
    /// <summary>A kill aimed at a window of milliseconds may land late on a busy machine: the arrangement is tried on this many new hubs.</summary>
    private const int AttemptsToLandAKill = 3;

    private static readonly TimeSpan s_visibility = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan s_completionTimeout = TimeSpan.FromSeconds(90);

    private readonly ITestOutputHelper _output;

    public CrashRecoveryTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task SecondWorker_FirstKilledWhileSchedulingFanOut_FinishesEveryActivityExactlyOnce()
    {
        const int Count = 1000;
        for (var attempt = 1; attempt <= AttemptsToLandAKill; attempt++)
        {
            await using var hub = new RecoveryHub(_output, s_visibility);
            var first = await hub.StartWorkerAsync("a");
            await RecoveryWait.UntilAsync(() => first.OwnedPartitions.Count == RecoveryHub.PartitionCount, "worker a owns every partition");
            var instanceId = await SlowFanOutClient.StartAsync(first, $"count={Count}&delayMs=10");

            // The first step appends 1,000 TaskScheduled events in 100-row transactions; the sentinel counts 0 until the last one.
            var committedAtKill = await KillWhenAsync(hub, first, instanceId, committed => committed is not null);
            hub.Log($"{await hub.ReadCommittedEventCountAsync(instanceId, CancellationToken.None)} events were committed when worker a died");
            if (committedAtKill != 0 && attempt < AttemptsToLandAKill)
            {
                hub.Log("the kill came after the append; trying again on a new hub");
                continue;
            }

            var second = await hub.StartWorkerAsync("b");
            var status = await SlowFanOutClient.WaitForEndAsync(second, instanceId, s_completionTimeout);
            hub.Log("instance ended");

            Assert.Equal(0, committedAtKill);
            SlowFanOutClient.AssertEveryResultExactlyOnce(status, Count);
            return;
        }
    }

    [Fact]
    public async Task SecondWorker_FirstKilledBetweenHistoryAndSends_ResendsTheStepAndFinishesEveryActivityExactlyOnce()
    {
        const int Count = 1000;
        var batches = (Count + 31) / 32;
        for (var attempt = 1; attempt <= AttemptsToLandAKill; attempt++)
        {
            await using var hub = new RecoveryHub(_output, s_visibility);
            var first = await hub.StartWorkerAsync("a");
            await RecoveryWait.UntilAsync(() => first.OwnedPartitions.Count == RecoveryHub.PartitionCount, "worker a owns every partition");
            var instanceId = await SlowFanOutClient.StartAsync(first, $"count={Count}&delayMs=10");

            // The step has committed its TaskScheduled events and sends its 32 batches at once: a window of a few milliseconds.
            await KillWhenAsync(hub, first, instanceId, committed => committed >= Count + 2);
            var sentAtKill = await hub.CountWorkItemMessagesAsync(CancellationToken.None);
            hub.Log($"{sentAtKill} of {batches} work-item batches had been sent when worker a died");
            if (sentAtKill == batches && attempt < AttemptsToLandAKill)
            {
                hub.Log("the kill came after the sends; trying again on a new hub");
                continue;
            }

            var second = await hub.StartWorkerAsync("b");
            var status = await SlowFanOutClient.WaitForEndAsync(second, instanceId, s_completionTimeout);
            hub.Log("instance ended");

            Assert.InRange(sentAtKill, 0, batches - 1);
            SlowFanOutClient.AssertEveryResultExactlyOnce(status, Count);
            return;
        }
    }

    [Fact]
    public async Task SecondWorker_FirstKilledWhileActivitiesRun_TakesOverAndFinishesEveryActivityExactlyOnce()
    {
        const int Count = 300;
        await using var hub = new RecoveryHub(_output, s_visibility);
        var first = await hub.StartWorkerAsync("a");
        var second = await hub.StartWorkerAsync("b");
        await RecoveryWait.UntilAsync(() => first.OwnedPartitions.Count > 0 && second.OwnedPartitions.Count > 0, "workers a and b share the partitions");
        var instanceId = hub.InstanceIdOwnedBy(first, "running");
        await SlowFanOutClient.StartAsync(first, $"count={Count}&delayMs=3000&instanceId={instanceId}");

        // Every call is scheduled and each takes 3 s: kill the owner half a second into the first batches.
        var scheduledOnly = Count + 2;
        await RecoveryWait.UntilAsync(async () => await hub.ReadCommittedEventCountAsync(instanceId, CancellationToken.None) == scheduledOnly, "the fan-out is scheduled");
        await Task.Delay(500);
        var committedAtKill = await KillWhenAsync(hub, first, instanceId, _ => true);
        var status = await SlowFanOutClient.WaitForEndAsync(second, instanceId, s_completionTimeout);
        hub.Log("instance ended");

        Assert.Equal(scheduledOnly, committedAtKill);
        SlowFanOutClient.AssertEveryResultExactlyOnce(status, Count);
    }

    [Fact]
    public async Task SecondWorker_FirstKilledWhileResultsAreAppended_FinishesEveryActivityExactlyOnce()
    {
        const int Count = 600;
        await using var hub = new RecoveryHub(_output, s_visibility);
        var first = await hub.StartWorkerAsync("a");
        await RecoveryWait.UntilAsync(() => first.OwnedPartitions.Count == RecoveryHub.PartitionCount, "worker a owns every partition");
        var instanceId = await SlowFanOutClient.StartAsync(first, $"count={Count}&delayMs=200");

        await KillWhenAsync(hub, first, instanceId, committed => committed > Count + 2);
        var completedAtKill = await CountCompletedAsync(hub, instanceId);
        hub.Log($"{completedAtKill} of {Count} results were in history when worker a was killed");
        var second = await hub.StartWorkerAsync("b");
        var status = await SlowFanOutClient.WaitForEndAsync(second, instanceId, s_completionTimeout);
        hub.Log("instance ended");

        Assert.InRange(completedAtKill, 1, Count - 1);
        SlowFanOutClient.AssertEveryResultExactlyOnce(status, Count);
    }

    /// <summary>
    /// Polls the instance's committed event count as fast as storage answers and kills
    /// <paramref name="worker"/> the moment <paramref name="condition"/> holds; returns the count it saw.
    /// </summary>
    private static async Task<int?> KillWhenAsync(RecoveryHub hub, WorkerProcess worker, string instanceId, Func<int?, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();
        int? committed;
        do
        {
            committed = await hub.ReadCommittedEventCountAsync(instanceId, timeout.Token);
        }
        while (!condition(committed));

        await worker.KillAsync();
        hub.Log($"killed worker {worker.WorkerId} (SIGKILL) {watch.ElapsedMilliseconds} ms after polling began, at {committed?.ToString() ?? "no"} committed events");
        return committed;
    }

    private static async Task<int> CountCompletedAsync(RecoveryHub hub, string instanceId)
    {
        var history = await hub.Backend.Instances.LoadHistoryAsync(instanceId, CancellationToken.None);
        return history.Events.Count(e => e is TaskCompletedEvent);
    }
}
