using System.Text.Json;
using Fractal.Durable.Backends;

namespace Fractal.Durable.Tests.Backends;

public abstract partial class TaskHubBackendConformanceTests
{
    private static readonly TimeSpan s_shortVisibility = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_longVisibility = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_pastShortVisibility = TimeSpan.FromMilliseconds(1600);

    [Fact]
    public async Task ReceiveControlAsync_AfterSend_ReturnsTheMessageOnItsPartitionWithDequeueCountOne()
    {
        var message = NewControlMessage();
        await Queues.SendControlAsync(message, TimeSpan.Zero, None);

        var received = await Queues.ReceiveControlAsync(Queues.PartitionOf(message.InstanceId), 32, s_longVisibility, None);

        var single = Assert.Single(received);
        AssertSameJson(message, single.Body);
        Assert.Equal(1, single.DequeueCount);
    }

    [Fact]
    public void PartitionOf_AnyInstance_IsTheSharedStableHash()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"instance-{i}").ToList();

        var partitions = ids.Select(Queues.PartitionOf).ToList();

        Assert.Equal(ids.Select(id => PartitionHash.PartitionOf(id, Queues.PartitionCount)), partitions);
        Assert.All(partitions, p => Assert.InRange(p, 0, Queues.PartitionCount - 1));
    }

    [Fact]
    public async Task DeleteAsync_ReceivedMessage_IsNotReceivedAgain()
    {
        var message = NewControlMessage();
        var partition = Queues.PartitionOf(message.InstanceId);
        await Queues.SendControlAsync(message, TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveControlAsync(partition, 32, s_shortVisibility, None));

        await Queues.DeleteAsync(received.Receipt, None);
        await Task.Delay(s_pastShortVisibility);

        Assert.Empty(await Queues.ReceiveControlAsync(partition, 32, s_shortVisibility, None));
    }

    [Fact]
    public async Task DeleteAsync_AlreadyDeleted_DoesNotThrow()
    {
        var receipt = await Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.Zero, None);
        await Queues.DeleteAsync(receipt, None);

        var exception = await Record.ExceptionAsync(() => Queues.DeleteAsync(receipt, None));

        Assert.Null(exception);
    }

    [Fact]
    public async Task ReceiveControlAsync_WhileReceivedMessageIsInvisible_ReturnsNothing()
    {
        var message = NewControlMessage();
        var partition = Queues.PartitionOf(message.InstanceId);
        await Queues.SendControlAsync(message, TimeSpan.Zero, None);
        Assert.Single(await Queues.ReceiveControlAsync(partition, 32, s_longVisibility, None));

        var again = await Queues.ReceiveControlAsync(partition, 32, s_longVisibility, None);

        Assert.Empty(again);
    }

    [Fact]
    public async Task ReceiveControlAsync_AfterVisibilityEnds_ReturnsTheMessageWithDequeueCountTwo()
    {
        var message = NewControlMessage();
        var partition = Queues.PartitionOf(message.InstanceId);
        await Queues.SendControlAsync(message, TimeSpan.Zero, None);
        Assert.Single(await Queues.ReceiveControlAsync(partition, 32, s_shortVisibility, None));
        await Task.Delay(s_pastShortVisibility);

        var again = await Queues.ReceiveControlAsync(partition, 32, s_longVisibility, None);

        var single = Assert.Single(again);
        Assert.Equal(message.Id, single.Body.Id);
        Assert.Equal(2, single.DequeueCount);
    }

    [Fact]
    public async Task SendControlAsync_WithDelay_IsReceivedOnlyAfterTheDelay()
    {
        var message = NewControlMessage();
        var partition = Queues.PartitionOf(message.InstanceId);
        await Queues.SendControlAsync(message, TimeSpan.FromSeconds(2), None);

        var early = await Queues.ReceiveControlAsync(partition, 32, s_longVisibility, None);
        await Task.Delay(TimeSpan.FromSeconds(2.6));
        var late = await Queues.ReceiveControlAsync(partition, 32, s_longVisibility, None);

        Assert.Empty(early);
        Assert.Equal(message.Id, Assert.Single(late).Body.Id);
    }

    [Fact]
    public async Task SendWorkItemAsync_InvisibleFor_IsReceivedOnlyAfterThatTime()
    {
        var batch = NewWorkItem();
        await Queues.SendWorkItemAsync(batch, TimeSpan.FromSeconds(2), None);

        var early = await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None);
        await Task.Delay(TimeSpan.FromSeconds(2.6));
        var late = await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None);

        Assert.Empty(early);
        AssertSameJson(batch, Assert.Single(late).Body);
    }

    [Fact]
    public async Task SendWorkItemAsync_ReturnedReceipt_DeletesTheMessageBeforeItIsReceived()
    {
        var receipt = await Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.FromSeconds(1), None);

        await Queues.DeleteAsync(receipt, None);
        await Task.Delay(s_pastShortVisibility);

        Assert.Empty(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));
    }

    [Fact]
    public async Task RenewAsync_ReceivedMessage_KeepsItHiddenPastItsFirstVisibility()
    {
        await Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_shortVisibility, None));

        await Queues.RenewAsync(received.Receipt, s_longVisibility, None);
        await Task.Delay(s_pastShortVisibility);

        Assert.Empty(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));
    }

    [Fact]
    public async Task RenewAsync_OldReceipt_NoLongerNamesTheMessage()
    {
        await Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));
        var renewed = await Queues.RenewAsync(received.Receipt, s_longVisibility, None);

        var exception = await Record.ExceptionAsync(() => Queues.RenewAsync(received.Receipt, s_longVisibility, None));

        Assert.NotEqual(received.Receipt.PopReceipt, renewed.PopReceipt);
        Assert.IsType<InvalidOperationException>(exception);
    }

    [Fact]
    public async Task DeleteAsync_RenewedReceipt_DeletesTheMessage()
    {
        await Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_shortVisibility, None));
        var renewed = await Queues.RenewAsync(received.Receipt, s_shortVisibility, None);

        await Queues.DeleteAsync(renewed, None);
        await Task.Delay(s_pastShortVisibility);

        Assert.Empty(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));
    }

    [Fact]
    public async Task AbandonAsync_NoDelay_MakesTheMessageVisibleAtOnce()
    {
        var batch = NewWorkItem();
        await Queues.SendWorkItemAsync(batch, TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));

        await Queues.AbandonAsync(received.Receipt, TimeSpan.Zero, None);

        var again = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));
        Assert.Equal(batch.Id, again.Body.Id);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task AbandonAsync_WithDelay_HidesTheMessageUntilTheDelayPasses()
    {
        await Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));

        await Queues.AbandonAsync(received.Receipt, TimeSpan.FromSeconds(2), None);
        var early = await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None);
        await Task.Delay(TimeSpan.FromSeconds(2.6));
        var late = await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None);

        Assert.Empty(early);
        Assert.Single(late);
    }

    [Fact]
    public async Task RenewAsync_ReceiptFromTheSend_KeepsTheWorkItemHiddenLonger()
    {
        var sent = await Queues.SendWorkItemAsync(NewWorkItem(), s_shortVisibility, None);

        await Queues.RenewAsync(sent, s_longVisibility, None);
        await Task.Delay(s_pastShortVisibility);

        Assert.Empty(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));
    }

    [Fact]
    public async Task MoveToPoisonAsync_ReceivedMessage_LandsInPoisonQueueWithReason()
    {
        var batch = NewWorkItem();
        await Queues.SendWorkItemAsync(batch, TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));

        await Queues.MoveToPoisonAsync(received, "dequeued too often", None);

        var poison = Assert.Single(await ReadPoisonAsync());
        Assert.Equal(received.Receipt.Queue, poison.SourceQueue);
        Assert.Equal("dequeued too often", poison.Reason);
        Assert.Equal(1, poison.DequeueCount);
        Assert.Contains(batch.Id, poison.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveToPoisonAsync_ReceivedMessage_DeletesItFromItsQueue()
    {
        await Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_shortVisibility, None));

        await Queues.MoveToPoisonAsync(received, "dequeued too often", None);
        await Task.Delay(s_pastShortVisibility);

        Assert.Empty(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));
    }

    [Fact]
    public async Task SendControlAsync_LargeMessage_RoundTrips()
    {
        var message = NewControlMessage(input: LargeJsonString(200 * 1024));
        await Queues.SendControlAsync(message, TimeSpan.Zero, None);

        var received = Assert.Single(await Queues.ReceiveControlAsync(Queues.PartitionOf(message.InstanceId), 32, s_longVisibility, None));

        AssertSameJson(message, received.Body);
    }

    [Fact]
    public async Task SendWorkItemAsync_LargeBatch_RoundTripsAndDeletes()
    {
        var batch = NewWorkItem(LargeJsonString(200 * 1024));
        await Queues.SendWorkItemAsync(batch, TimeSpan.Zero, None);
        var received = Assert.Single(await Queues.ReceiveWorkItemsAsync(32, s_shortVisibility, None));

        await Queues.DeleteAsync(received.Receipt, None);
        await Task.Delay(s_pastShortVisibility);

        AssertSameJson(batch, received.Body);
        Assert.Empty(await Queues.ReceiveWorkItemsAsync(32, s_longVisibility, None));
    }

    [Fact]
    public async Task ReceiveWorkItemsAsync_MoreWaitingThanAskedFor_ReturnsAtMostTheNumberAskedFor()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.Zero, None)));

        var received = await Queues.ReceiveWorkItemsAsync(5, s_longVisibility, None);

        Assert.InRange(received.Count, 1, 5);
    }

    [Fact]
    public async Task WaitForControlAsync_AfterSendToThatPartition_ReturnsBeforeTheTimeout()
    {
        var message = NewControlMessage();
        await Queues.SendControlAsync(message, TimeSpan.Zero, None);

        var waited = await TimeAsync(() => Queues.WaitForControlAsync(Queues.PartitionOf(message.InstanceId), TimeSpan.FromSeconds(10), None));

        Assert.True(waited < TimeSpan.FromSeconds(5), $"Waited {waited}.");
    }

    [Fact]
    public async Task WaitForControlAsync_NothingSent_WaitsForTheTimeout()
    {
        var waited = await TimeAsync(() => Queues.WaitForControlAsync(0, TimeSpan.FromMilliseconds(300), None));

        Assert.True(waited >= TimeSpan.FromMilliseconds(250), $"Waited {waited}.");
    }

    [Fact]
    public async Task WaitForControlAsync_AfterSendToAnotherPartition_WaitsForTheTimeout()
    {
        var message = NewControlMessage();
        var otherPartition = (Queues.PartitionOf(message.InstanceId) + 1) % Queues.PartitionCount;
        await Queues.SendControlAsync(message, TimeSpan.Zero, None);

        var waited = await TimeAsync(() => Queues.WaitForControlAsync(otherPartition, TimeSpan.FromMilliseconds(300), None));

        Assert.True(waited >= TimeSpan.FromMilliseconds(250), $"Waited {waited}.");
    }

    [Fact]
    public async Task WaitForControlAsync_AfterDelayedSend_WaitsForTheTimeout()
    {
        var message = NewControlMessage();
        await Queues.SendControlAsync(message, TimeSpan.FromSeconds(30), None);

        var waited = await TimeAsync(() => Queues.WaitForControlAsync(Queues.PartitionOf(message.InstanceId), TimeSpan.FromMilliseconds(300), None));

        Assert.True(waited >= TimeSpan.FromMilliseconds(250), $"Waited {waited}.");
    }

    [Fact]
    public async Task WaitForWorkItemsAsync_AfterSend_ReturnsBeforeTheTimeout()
    {
        await Queues.SendWorkItemAsync(NewWorkItem(), TimeSpan.Zero, None);

        var waited = await TimeAsync(() => Queues.WaitForWorkItemsAsync(TimeSpan.FromSeconds(10), None));

        Assert.True(waited < TimeSpan.FromSeconds(5), $"Waited {waited}.");
    }

    /// <summary>A JSON string literal of about <paramref name="bytes"/> bytes, with characters that need escaping.</summary>
    private static string LargeJsonString(int bytes) =>
        JsonSerializer.Serialize(string.Concat(Enumerable.Range(0, bytes / 16).Select(i => $"{i:D6} é<&>\"\n\u0007")));
}
