using Fractal.Durable.Backends;

namespace Fractal.Durable.Tests.Backends;

public abstract partial class TaskHubBackendConformanceTests
{
    [Fact]
    public async Task GetInstanceAsync_UnknownId_ReturnsNull()
    {
        var record = await Store.GetInstanceAsync(NewInstanceId(), None);

        Assert.Null(record);
    }

    [Fact]
    public async Task TryCreateInstanceAsync_NewId_StoresTheRecord()
    {
        var record = InstanceRecords.Pending(NewInstanceId());

        var created = await Store.TryCreateInstanceAsync(record, None);

        Assert.True(created);
        Assert.Equal(record, await Store.GetInstanceAsync(record.InstanceId, None));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Suspended)]
    public async Task TryCreateInstanceAsync_InstanceNotEnded_ReturnsFalseAndKeepsIt(OrchestrationRuntimeStatus status)
    {
        var existing = InstanceRecords.WithStatus(InstanceRecords.Pending(NewInstanceId()), status);
        await Store.UpsertInstanceAsync(existing, None);

        var created = await Store.TryCreateInstanceAsync(InstanceRecords.Pending(existing.InstanceId) with { Input = "\"other\"" }, None);

        Assert.False(created);
        Assert.Equal(existing, await Store.GetInstanceAsync(existing.InstanceId, None));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task TryCreateInstanceAsync_InstanceEnded_ReplacesItAndClearsItsHistory(OrchestrationRuntimeStatus status)
    {
        var ended = InstanceRecords.WithStatus(InstanceRecords.Pending(NewInstanceId()), status);
        await Store.UpsertInstanceAsync(ended, None);
        await Store.AppendHistoryAsync(ended.InstanceId, ended.ExecutionId, 0, HistoryEventSamples.CompletedTasks(3), null, None);
        var replacement = InstanceRecords.Pending(ended.InstanceId) with { Input = "\"again\"" };

        var created = await Store.TryCreateInstanceAsync(replacement, None);

        Assert.True(created);
        Assert.Equal(replacement, await Store.GetInstanceAsync(ended.InstanceId, None));
        Assert.Equal(OrchestrationHistory.Empty, await Store.LoadHistoryAsync(ended.InstanceId, None));
    }

    [Fact]
    public async Task UpsertInstanceAsync_EveryField_RoundTrips()
    {
        var record = InstanceRecords.Pending(NewInstanceId()) with
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Failed,
            Output = "{\"a\":[1,2]}",
            CustomStatus = "\"half way\"",
            FailureDetails = new TaskFailureDetails("System.TimeoutException", "too slow", "at X()"),
            LastUpdatedTime = InstanceRecords.Created.AddMinutes(1).AddTicks(1234567),
            CompletedTime = InstanceRecords.Created.AddMinutes(1).AddTicks(1234567),
            ParentInstanceId = "parent",
        };

        await Store.UpsertInstanceAsync(record, None);

        Assert.Equal(record, await Store.GetInstanceAsync(record.InstanceId, None));
    }

    [Fact]
    public async Task UpsertInstanceAsync_Twice_KeepsOnlyTheLastRecord()
    {
        var first = InstanceRecords.Pending(NewInstanceId()) with { CustomStatus = "\"first\"" };
        var second = InstanceRecords.WithStatus(first, OrchestrationRuntimeStatus.Running) with { CustomStatus = null };

        await Store.UpsertInstanceAsync(first, None);
        await Store.UpsertInstanceAsync(second, None);

        Assert.Equal(second, await Store.GetInstanceAsync(first.InstanceId, None));
    }

    [Fact]
    public async Task UpsertInstanceAsync_LargeValues_RoundTrip()
    {
        var large = "\"" + new string('x', 100_000) + "\"";
        var record = InstanceRecords.Pending(NewInstanceId()) with
        {
            Input = large,
            Output = large + " ",
            CustomStatus = large + "  ",
            FailureDetails = new TaskFailureDetails("E", "m", new string('s', 50_000)),
        };

        await Store.UpsertInstanceAsync(record, None);

        Assert.Equal(record, await Store.GetInstanceAsync(record.InstanceId, None));
    }

    [Fact]
    public async Task QueryAsync_PagesOver250Instances_ReturnEveryInstanceOnceInIdOrder()
    {
        var ids = await CreateInstancesAsync(250, i => InstanceRecords.Pending($"page-{i:D4}-{Guid.NewGuid():N}"));

        var listed = await QueryAllAsync(new InstanceQuery { PageSize = 100 });

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Select(r => r.InstanceId));
    }

    [Fact]
    public async Task QueryAsync_PageSize_BoundsEachPageAndReturnsAToken()
    {
        await CreateInstancesAsync(30, i => InstanceRecords.Pending($"bound-{i:D3}"));

        var page = await Store.QueryAsync(new InstanceQuery { PageSize = 10 }, None);

        Assert.Equal(10, page.Instances.Count);
        Assert.NotNull(page.ContinuationToken);
    }

    [Fact]
    public async Task QueryAsync_LastPage_HasNoContinuationToken()
    {
        await CreateInstancesAsync(5, i => InstanceRecords.Pending($"last-{i:D3}"));

        var page = await Store.QueryAsync(new InstanceQuery { PageSize = 10 }, None);

        Assert.Equal(5, page.Instances.Count);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task QueryAsync_RuntimeStatusFilter_ReturnsOnlyThoseStatuses()
    {
        var statuses = Enum.GetValues<OrchestrationRuntimeStatus>();
        await CreateInstancesAsync(statuses.Length * 3, i => InstanceRecords.WithStatus(InstanceRecords.Pending($"status-{i:D3}"), statuses[i % statuses.Length]));
        var wanted = new[] { OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Failed };

        var listed = await QueryAllAsync(new InstanceQuery { RuntimeStatus = wanted, PageSize = 4 });

        Assert.Equal(6, listed.Count);
        Assert.All(listed, r => Assert.Contains(r.RuntimeStatus, wanted));
    }

    [Fact]
    public async Task QueryAsync_CreatedTimeRange_ReturnsOnlyInstancesCreatedInIt()
    {
        await CreateInstancesAsync(10, i => InstanceRecords.Pending($"time-{i:D3}", InstanceRecords.Created.AddHours(i)));

        var listed = await QueryAllAsync(new InstanceQuery
        {
            CreatedFrom = InstanceRecords.Created.AddHours(3),
            CreatedTo = InstanceRecords.Created.AddHours(6),
        });

        Assert.Equal(["time-003", "time-004", "time-005", "time-006"], listed.Select(r => r.InstanceId));
    }

    [Fact]
    public async Task QueryAsync_InstanceIdPrefix_ReturnsOnlyIdsWithThatPrefix()
    {
        await CreateInstancesAsync(4, i => InstanceRecords.Pending($"abc{i}"));
        await CreateInstancesAsync(3, i => InstanceRecords.Pending($"abd{i}"));
        await CreateInstancesAsync(2, i => InstanceRecords.Pending($"ab{i}"));

        var listed = await QueryAllAsync(new InstanceQuery { InstanceIdPrefix = "abc", PageSize = 2 });

        Assert.Equal(["abc0", "abc1", "abc2", "abc3"], listed.Select(r => r.InstanceId));
    }

    [Fact]
    public async Task PurgeAsync_ExistingInstance_RemovesItsRowAndHistory()
    {
        var record = InstanceRecords.Pending(NewInstanceId()) with { Input = "\"" + new string('p', 40_000) + "\"" };
        await Store.UpsertInstanceAsync(record, None);
        await Store.AppendHistoryAsync(record.InstanceId, record.ExecutionId, 0, HistoryEventSamples.EveryType(record.ExecutionId), null, None);

        var purged = await Store.PurgeAsync(record.InstanceId, None);

        Assert.True(purged);
        Assert.Null(await Store.GetInstanceAsync(record.InstanceId, None));
        Assert.Equal(OrchestrationHistory.Empty, await Store.LoadHistoryAsync(record.InstanceId, None));
    }

    [Fact]
    public async Task PurgeAsync_UnknownInstance_ReturnsFalse()
    {
        var purged = await Store.PurgeAsync(NewInstanceId(), None);

        Assert.False(purged);
    }

    private async Task<IReadOnlyList<string>> CreateInstancesAsync(int count, Func<int, InstanceRecord> create)
    {
        var records = Enumerable.Range(0, count).Select(create).ToList();
        using var throttle = new SemaphoreSlim(16);
        await Task.WhenAll(records.Select(async r =>
        {
            await throttle.WaitAsync();
            try
            {
                await Store.UpsertInstanceAsync(r, None);
            }
            finally
            {
                throttle.Release();
            }
        }));
        return [.. records.Select(r => r.InstanceId)];
    }

    private async Task<IReadOnlyList<InstanceRecord>> QueryAllAsync(InstanceQuery query)
    {
        var all = new List<InstanceRecord>();
        var token = (string?)null;
        do
        {
            var page = await Store.QueryAsync(query with { ContinuationToken = token }, None);
            Assert.InRange(page.Instances.Count, 0, query.PageSize);
            all.AddRange(page.Instances);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }
}
