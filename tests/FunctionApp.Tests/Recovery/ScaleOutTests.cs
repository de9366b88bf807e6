using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>Two worker processes on one task hub: they split the control partitions and compete for work items.</summary>
public sealed class ScaleOutTests
{
    /// <summary>Each worker runs 64 calls at a time (host.json): 256 calls of half a second keep one worker busy for 2 s.</summary>
    private const int Count = 256;

    private readonly ITestOutputHelper _output;

    public ScaleOutTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task TwoWorkers_OneCallPerWorkItemNoFastPath_SplitPartitionsAndBothRunActivitiesOfOneFanOut()
    {
        var settings = new Dictionary<string, string> { ["localFastPathEnabled"] = "false", ["storageProvider:workItemBatchSize"] = "1" };
        await using var hub = new RecoveryHub(_output, TimeSpan.FromSeconds(30), settings);
        var (first, second) = await StartTwoWorkersAsync(hub);
        var partitionsOfFirst = first.OwnedPartitions;
        var partitionsOfSecond = second.OwnedPartitions;

        var workers = await RunFanOutAsync(hub, first);

        Assert.Equal(RecoveryHub.PartitionCount / 2, partitionsOfFirst.Count);
        Assert.Equal(RecoveryHub.PartitionCount / 2, partitionsOfSecond.Count);
        Assert.Empty(partitionsOfFirst.Intersect(partitionsOfSecond));
        Assert.Equal(["a", "b"], workers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoWorkers_BatchedWorkItemsNoFastPath_BothRunActivitiesOfOneFanOut()
    {
        await using var hub = new RecoveryHub(_output, TimeSpan.FromSeconds(30), new Dictionary<string, string> { ["localFastPathEnabled"] = "false" });
        var (first, _) = await StartTwoWorkersAsync(hub);

        var workers = await RunFanOutAsync(hub, first);

        Assert.Equal(["a", "b"], workers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoWorkers_DefaultSettings_OwnerLeavesCallsBeyondItsCapacityToTheOtherWorker()
    {
        await using var hub = new RecoveryHub(_output, TimeSpan.FromSeconds(30));
        var (first, _) = await StartTwoWorkersAsync(hub);

        var workers = await RunFanOutAsync(hub, first);

        Assert.Equal(["a", "b"], workers.Order(StringComparer.Ordinal));
    }

    private static async Task<(WorkerProcess First, WorkerProcess Second)> StartTwoWorkersAsync(RecoveryHub hub)
    {
        var first = await hub.StartWorkerAsync("a");
        var second = await hub.StartWorkerAsync("b");
        await RecoveryWait.UntilAsync(
            () => first.OwnedPartitions.Count + second.OwnedPartitions.Count == RecoveryHub.PartitionCount && second.OwnedPartitions.Count > 0,
            "workers a and b share the partitions");
        return (first, second);
    }

    /// <summary>Runs one fan-out of <see cref="Count"/> half-second calls; returns the workers whose results are in its output.</summary>
    private static async Task<IReadOnlySet<string>> RunFanOutAsync(RecoveryHub hub, WorkerProcess worker)
    {
        var instanceId = await SlowFanOutClient.StartAsync(worker, $"count={Count}&delayMs=500");
        var status = await SlowFanOutClient.WaitForEndAsync(worker, instanceId, TimeSpan.FromSeconds(60));
        hub.Log("instance ended");
        return SlowFanOutClient.AssertEveryResultExactlyOnce(status, Count);
    }
}
