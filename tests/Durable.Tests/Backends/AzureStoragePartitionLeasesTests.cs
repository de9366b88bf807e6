using Fractal.Durable.Backends.AzureStorage;

namespace Fractal.Durable.Tests.Backends;

public sealed class AzureStoragePartitionLeasesTests : IAsyncLifetime
{
    private static readonly TimeSpan s_leaseDuration = TimeSpan.FromSeconds(15);

    private readonly AzureStorageTaskHubBackend _backend = new(AzuriteConnection.ConnectionString, AzuriteConnection.NewHubName(), Options);

    private static AzureStorageBackendOptions Options => new() { PartitionCount = 4, LeaseDuration = s_leaseDuration, WorkerTimeout = s_leaseDuration };

    public Task InitializeAsync() => _backend.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _backend.DeleteAsync(CancellationToken.None);
        _backend.Dispose();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task BalanceAsync_OtherWorkerStopsRenewing_TakesEveryPartitionOnceItsLeasesExpire()
    {
        using var otherProcess = new AzureStorageTaskHubBackend(AzuriteConnection.ConnectionString, _backend.HubName, Options);
        var survivor = _backend.CreateLeases("worker-a");
        var stopped = otherProcess.CreateLeases("worker-b");
        await survivor.BalanceAsync(CancellationToken.None);
        await stopped.BalanceAsync(CancellationToken.None);
        await survivor.BalanceAsync(CancellationToken.None);
        Assert.Equal(2, (await stopped.BalanceAsync(CancellationToken.None)).Count);

        var beforeExpiry = await survivor.BalanceAsync(CancellationToken.None);
        await Task.Delay(s_leaseDuration + TimeSpan.FromSeconds(2));
        var afterExpiry = await survivor.BalanceAsync(CancellationToken.None);

        Assert.Equal(2, beforeExpiry.Count);
        Assert.Equal([0, 1, 2, 3], afterExpiry.Order());
        await survivor.DisposeAsync();
    }

    [Fact]
    public async Task BalanceAsync_RestartedWorkerWithTheSameId_KeepsThePartitionsItsPreviousRunHeld()
    {
        await _backend.CreateLeases("worker-a").BalanceAsync(CancellationToken.None);
        await using var restarted = _backend.CreateLeases("worker-a");

        var owned = await restarted.BalanceAsync(CancellationToken.None);

        Assert.Equal([0, 1, 2, 3], owned.Order());
    }

    [Fact]
    public async Task BalanceAsync_PartitionHeldByAnotherWorker_IsNotTakenBeforeItsLeaseExpires()
    {
        await _backend.CreateLeases("worker-b").BalanceAsync(CancellationToken.None);
        await using var other = _backend.CreateLeases("worker-a");

        var owned = await other.BalanceAsync(CancellationToken.None);

        Assert.Empty(owned);
    }

    [Fact]
    public void LeaseIdOf_SameWorker_IsTheSameGuid()
    {
        var first = AzureStoragePartitionLeases.LeaseIdOf("hub-leases", "worker-a");
        var again = AzureStoragePartitionLeases.LeaseIdOf("hub-leases", "worker-a");
        var other = AzureStoragePartitionLeases.LeaseIdOf("hub-leases", "worker-b");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(Guid.TryParse(first, out _));
    }
}
