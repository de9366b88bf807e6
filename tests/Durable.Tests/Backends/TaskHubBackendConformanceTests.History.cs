using Fractal.Durable.Backends;
using Fractal.Durable.History;

namespace Fractal.Durable.Tests.Backends;

public abstract partial class TaskHubBackendConformanceTests
{
    [Fact]
    public async Task LoadHistoryAsync_NoHistory_ReturnsEmpty()
    {
        var history = await Store.LoadHistoryAsync(NewInstanceId(), None);

        Assert.Equal(OrchestrationHistory.Empty, history);
    }

    [Fact]
    public async Task AppendHistoryAsync_EveryEventType_LoadsBackEqualAndInOrder()
    {
        var id = NewInstanceId();
        var events = HistoryEventSamples.EveryType("exec-1");

        var checkpoint = await Store.AppendHistoryAsync(id, "exec-1", 0, events, null, None);
        var loaded = await Store.LoadHistoryAsync(id, None);

        Assert.Equal("exec-1", loaded.ExecutionId);
        Assert.Equal(events, loaded.Events);
        Assert.Equal(checkpoint, loaded.Checkpoint);
    }

    [Fact]
    public async Task AppendHistoryAsync_AfterCommittedEvents_AddsToThem()
    {
        var id = NewInstanceId();
        var first = HistoryEventSamples.CompletedTasks(3);
        var second = HistoryEventSamples.CompletedTasks(4, firstTaskId: 3);
        var checkpoint = await Store.AppendHistoryAsync(id, "exec", 0, first, null, None);

        var next = await Store.AppendHistoryAsync(id, "exec", first.Count, second, checkpoint, None);
        var loaded = await Store.LoadHistoryAsync(id, None);

        Assert.NotEqual(checkpoint, next);
        Assert.Equal(first.Concat(second), loaded.Events);
        Assert.Equal(next, loaded.Checkpoint);
    }

    [Fact]
    public async Task AppendHistoryAsync_StaleCheckpoint_ThrowsHistoryConflict()
    {
        var id = NewInstanceId();
        var stale = await Store.AppendHistoryAsync(id, "exec", 0, HistoryEventSamples.CompletedTasks(2), null, None);
        await Store.AppendHistoryAsync(id, "exec", 2, HistoryEventSamples.CompletedTasks(1, 2), stale, None);

        var exception = await Record.ExceptionAsync(() => Store.AppendHistoryAsync(id, "exec", 2, HistoryEventSamples.CompletedTasks(5, 10), stale, None));

        Assert.Equal(id, Assert.IsType<HistoryConflictException>(exception).InstanceId);
    }

    [Fact]
    public async Task AppendHistoryAsync_StaleCheckpoint_LeavesTheHistoryUnchanged()
    {
        var id = NewInstanceId();
        var stale = await Store.AppendHistoryAsync(id, "exec", 0, HistoryEventSamples.CompletedTasks(2), null, None);
        await Store.AppendHistoryAsync(id, "exec", 2, HistoryEventSamples.CompletedTasks(1, 2), stale, None);
        var before = await Store.LoadHistoryAsync(id, None);

        await Assert.ThrowsAsync<HistoryConflictException>(() => Store.AppendHistoryAsync(id, "exec", 2, HistoryEventSamples.CompletedTasks(250, 10), stale, None));
        var after = await Store.LoadHistoryAsync(id, None);

        Assert.Equal(before.Events, after.Events);
        Assert.Equal(before.Checkpoint, after.Checkpoint);
    }

    [Fact]
    public async Task AppendHistoryAsync_NoCheckpointWhenHistoryExists_ThrowsHistoryConflict()
    {
        var id = NewInstanceId();
        await Store.AppendHistoryAsync(id, "exec", 0, HistoryEventSamples.CompletedTasks(2), null, None);

        var exception = await Record.ExceptionAsync(() => Store.AppendHistoryAsync(id, "exec", 0, HistoryEventSamples.CompletedTasks(2), null, None));

        Assert.IsType<HistoryConflictException>(exception);
    }

    [Fact]
    public async Task AppendHistoryAsync_CheckpointWhenNoHistory_ThrowsHistoryConflict()
    {
        var id = NewInstanceId();
        var other = NewInstanceId();
        var checkpointOfAnother = await Store.AppendHistoryAsync(other, "exec", 0, HistoryEventSamples.CompletedTasks(1), null, None);

        var exception = await Record.ExceptionAsync(() => Store.AppendHistoryAsync(id, "exec", 0, HistoryEventSamples.CompletedTasks(1), checkpointOfAnother, None));

        Assert.IsType<HistoryConflictException>(exception);
    }

    [Fact]
    public async Task AppendHistoryAsync_1000EventsAtOnce_LoadsBackInOrder()
    {
        var id = NewInstanceId();
        var events = HistoryEventSamples.CompletedTasks(1000);

        var checkpoint = await Store.AppendHistoryAsync(id, "exec", 0, events, null, None);
        var loaded = await Store.LoadHistoryAsync(id, None);

        Assert.Equal(events, loaded.Events);
        Assert.Equal(checkpoint, loaded.Checkpoint);
    }

    [Fact]
    public async Task AppendHistoryAsync_1000EventsAfterExisting_CanBeFollowedByAnotherAppend()
    {
        var id = NewInstanceId();
        var first = HistoryEventSamples.CompletedTasks(5);
        var many = HistoryEventSamples.CompletedTasks(1000, firstTaskId: 5);
        var last = HistoryEventSamples.CompletedTasks(1, firstTaskId: 1005);
        var checkpoint = await Store.AppendHistoryAsync(id, "exec", 0, first, null, None);
        checkpoint = await Store.AppendHistoryAsync(id, "exec", 5, many, checkpoint, None);

        await Store.AppendHistoryAsync(id, "exec", 1005, last, checkpoint, None);
        var loaded = await Store.LoadHistoryAsync(id, None);

        Assert.Equal(first.Concat(many).Concat(last), loaded.Events);
    }

    [Fact]
    public async Task AppendHistoryAsync_FewerCommittedThanStored_ReplacesTheRest()
    {
        var id = NewInstanceId();
        var checkpoint = await Store.AppendHistoryAsync(id, "exec", 0, HistoryEventSamples.CompletedTasks(4), null, None);
        var replacement = HistoryEventSamples.CompletedTasks(1, firstTaskId: 99);

        await Store.AppendHistoryAsync(id, "exec", 2, replacement, checkpoint, None);
        var loaded = await Store.LoadHistoryAsync(id, None);

        Assert.Equal(HistoryEventSamples.CompletedTasks(2).Concat(replacement), loaded.Events);
    }

    [Fact]
    public async Task AppendHistoryAsync_NewExecution_StartsAFreshHistory()
    {
        var id = NewInstanceId();
        var checkpoint = await Store.AppendHistoryAsync(id, "exec-1", 0, HistoryEventSamples.CompletedTasks(150), null, None);
        var next = HistoryEventSamples.EveryType("exec-2");

        await Store.AppendHistoryAsync(id, "exec-2", 150, next, checkpoint, None);
        var loaded = await Store.LoadHistoryAsync(id, None);

        Assert.Equal("exec-2", loaded.ExecutionId);
        Assert.Equal(next, loaded.Events);
    }

    [Fact]
    public async Task AppendHistoryAsync_LargeEvent_RoundTrips()
    {
        var id = NewInstanceId();
        var input = "\"" + string.Concat(Enumerable.Repeat("ünïcode <&> ", 100 * 1024 / 12)) + "\"";
        HistoryEvent[] events =
        [
            new ExecutionStartedEvent("Big", input, "exec") { Timestamp = HistoryEventSamples.At },
            new TaskScheduledEvent(0, "Echo", input) { Timestamp = HistoryEventSamples.At },
            new TaskCompletedEvent(0, "1") { Timestamp = HistoryEventSamples.At },
        ];

        await Store.AppendHistoryAsync(id, "exec", 0, events, null, None);
        var loaded = await Store.LoadHistoryAsync(id, None);

        Assert.Equal(events, loaded.Events);
    }

    [Fact]
    public async Task AppendHistoryAsync_ManyLargeEvents_RoundTripInOrder()
    {
        var id = NewInstanceId();
        var events = Enumerable.Range(0, 120)
            .Select(i => (HistoryEvent)new TaskCompletedEvent(i, "\"" + new string((char)('a' + (i % 26)), 29_000) + "\"") { Timestamp = HistoryEventSamples.At })
            .ToList();

        await Store.AppendHistoryAsync(id, "exec", 0, events, null, None);
        var loaded = await Store.LoadHistoryAsync(id, None);

        Assert.Equal(events, loaded.Events);
    }

    [Fact]
    public async Task AppendHistoryAsync_NoEvents_MovesTheCheckpoint()
    {
        var id = NewInstanceId();
        var checkpoint = await Store.AppendHistoryAsync(id, "exec", 0, HistoryEventSamples.CompletedTasks(1), null, None);

        var next = await Store.AppendHistoryAsync(id, "exec", 1, [], checkpoint, None);

        Assert.NotEqual(checkpoint, next);
        Assert.Equal(next, (await Store.LoadHistoryAsync(id, None)).Checkpoint);
    }
}
