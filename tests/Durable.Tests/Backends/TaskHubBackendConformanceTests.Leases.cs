namespace Fractal.Durable.Tests.Backends;

public abstract partial class TaskHubBackendConformanceTests
{
    [Fact]
    public async Task BalanceAsync_OnlyWorker_OwnsEveryPartition()
    {
        await using var leases = Backend.CreateLeases("worker-a");

        var owned = await leases.BalanceAsync(None);

        Assert.Equal(Enumerable.Range(0, Queues.PartitionCount), owned.Order());
    }

    [Fact]
    public async Task BalanceAsync_TwoWorkersEachTwice_SplitThePartitionsEvenly()
    {
        await using var first = Backend.CreateLeases("worker-a");
        await using var second = Backend.CreateLeases("worker-b");

        await first.BalanceAsync(None);
        await second.BalanceAsync(None);
        var firstOwns = await first.BalanceAsync(None);
        var secondOwns = await second.BalanceAsync(None);

        Assert.Equal(Queues.PartitionCount / 2, firstOwns.Count);
        Assert.Equal(Queues.PartitionCount / 2, secondOwns.Count);
        Assert.Equal(Enumerable.Range(0, Queues.PartitionCount), firstOwns.Concat(secondOwns).Order());
    }

    [Fact]
    public async Task ReleaseAllAsync_OneOfTwoWorkers_TheOtherTakesEveryPartitionOnItsNextBalance()
    {
        await using var first = Backend.CreateLeases("worker-a");
        await using var second = Backend.CreateLeases("worker-b");
        await first.BalanceAsync(None);
        await second.BalanceAsync(None);
        await first.BalanceAsync(None);
        await second.BalanceAsync(None);

        await first.ReleaseAllAsync(None);
        var secondOwns = await second.BalanceAsync(None);

        Assert.Equal(Enumerable.Range(0, Queues.PartitionCount), secondOwns.Order());
    }
}
