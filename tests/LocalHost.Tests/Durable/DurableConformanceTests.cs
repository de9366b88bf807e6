using Fractal.LocalHost.Tests.Support;
using Fractal.Samples;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Tests.Durable;

/// <summary>The Durable behaviours the product relies on, run through the local runtime and client on Azurite.</summary>
public sealed class DurableConformanceTests : IClassFixture<DurableHostFixture>
{
    private readonly DurableTestHost _host;

    public DurableConformanceTests(DurableHostFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _host = fixture.Host;
    }

    private DurableTaskClient Client => _host.Client;

    [Fact]
    public async Task Sequence_ChainedActivities_EachOutputFeedsTheNext()
    {
        var result = await _host.RunAsync(nameof(SequenceSample.Sequence), "x");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("xabc", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task HelloCities_ActivitiesInSequence_OutputsGreetingsInOrder()
    {
        var result = await _host.RunAsync(nameof(HelloSample.HelloCities));

        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!"], result.ReadOutputAs<List<string>>());
    }

    [Fact]
    public async Task FanOut_ThousandActivities_OutputsZeroToNMinusOne()
    {
        var result = await _host.RunAsync(nameof(FanOutSample.FanOut), 1000, TimeSpan.FromMinutes(3));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(0, 1000), result.ReadOutputAs<int[]>()!);
    }

    [Fact]
    public async Task DurableTimer_TwoSeconds_HoldsTheInstanceBackUntilItFires()
    {
        // Measured by the caller's clock. DTFx's Azure Storage provider delivers TimerFired through a queue message whose
        // visibility delay is whole seconds, so a timer may fire up to a second before its fire time (seen here: a
        // one-second timer fired after 0.1 s); two seconds must hold the instance back at least one.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await _host.RunAsync(nameof(TimerSample.DurableTimer), 2.0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"The instance completed {clock.Elapsed} after it started.");
        Assert.True(result.ReadOutputAs<double>() >= 1.0);
    }

    [Fact]
    public async Task Approval_EventBeforeTimeout_Approved()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalSample.Approval), 60.0);
        await Client.WaitForInstanceStartAsync(id);

        await Client.RaiseEventAsync(id, ApprovalSample.ApprovalEvent, true);

        var result = await _host.WaitForCompletionAsync(id);
        Assert.Equal("approved", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Approval_NoEventBeforeTimeout_TimesOut()
    {
        var result = await _host.RunAsync(nameof(ApprovalSample.Approval), 1.0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ParentOrchestration_SubOrchestrations_OutputsTheirResults()
    {
        var result = await _host.RunAsync(nameof(SubOrchestrationSample.ParentOrchestration));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("Hello Tokyo! Hello Seattle! Hello London! xabc", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ReportParent_AsSubOrchestration_SeesItsParent()
    {
        var result = await _host.RunAsync(nameof(SubOrchestrationSample.ParentReport));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal($"{nameof(SubOrchestrationSample.ParentReport)}/{result.InstanceId}", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ReportParent_StartedOnItsOwn_HasNoParent()
    {
        var result = await _host.RunAsync(nameof(SubOrchestrationSample.ReportParent));

        Assert.Equal("none", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Retrying_TwoFailuresThreeAttempts_SucceedsOnTheThird()
    {
        var result = await _host.RunAsync(nameof(RetrySample.Retrying), new RetryInput(Failures: 2, MaxAttempts: 3));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Retrying_MoreFailuresThanAttempts_FailsWithTheActivityError()
    {
        var result = await _host.RunAsync(nameof(RetrySample.Retrying), new RetryInput(Failures: 5, MaxAttempts: 2));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("fails on purpose", result.FailureDetails!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counter_ContinuesAsNew_OutputsTheTarget()
    {
        var result = await _host.RunAsync(nameof(ContinueAsNewSample.Counter), new CounterState(0, 5));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(5, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CustomStatus_WhileWaitingAndAfter_ReadsEachStatus()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CustomStatusSample.CustomStatus));
        var waiting = await _host.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);
        Assert.Equal(new ProgressStatus("waiting", 1), waiting.ReadCustomStatusAs<ProgressStatus>());

        await Client.RaiseEventAsync(id, CustomStatusSample.ContinueEvent, "go");

        var done = await _host.WaitForCompletionAsync(id);
        Assert.Equal(new ProgressStatus("done", 2), done.ReadCustomStatusAs<ProgressStatus>());
    }

    [Fact]
    public async Task Terminate_RunningInstance_EndsTerminatedWithTheOutputGiven()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalSample.Approval), 600.0);
        await Client.WaitForInstanceStartAsync(id);

        await Client.TerminateInstanceAsync(id, "stopped by test");

        var result = await _host.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("stopped by test", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SuspendResume_EventWhileSuspended_WaitsForResumeThenCompletes()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CustomStatusSample.CustomStatus));
        await _host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await Client.SuspendInstanceAsync(id, "pause");
        await _host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await Client.RaiseEventAsync(id, CustomStatusSample.ContinueEvent, "go");
        var suspended = await Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, suspended!.RuntimeStatus);
        Assert.False(suspended.IsRunning);

        await Client.ResumeInstanceAsync(id, "go on");

        var result = await _host.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
    }

    [Fact]
    public async Task Purge_CompletedInstance_RemovesIt()
    {
        var result = await _host.RunAsync(nameof(HelloSample.HelloCities));

        var purged = await Client.PurgeInstanceAsync(result.InstanceId);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(result.InstanceId));
    }

    [Fact]
    public async Task Purge_RunningInstance_Throws()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalSample.Approval), 600.0);
        await Client.WaitForInstanceStartAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.PurgeInstanceAsync(id));

        await Client.TerminateInstanceAsync(id);
    }

    [Fact]
    public async Task PurgeAll_ByCreationWindow_RemovesEndedInstances()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var result = await _host.RunAsync(nameof(HelloSample.HelloCities));

        var purged = await Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, DateTimeOffset.UtcNow.AddSeconds(1),
            [OrchestrationRuntimeStatus.Completed]));

        Assert.True(purged.PurgedInstanceCount >= 1);
        Assert.Null(await Client.GetInstanceAsync(result.InstanceId));
    }

    [Fact]
    public async Task LargePayload_Over64KiloBytes_RoundTripsInAndOut()
    {
        var text = new string('p', 100 * 1024);

        var result = await _host.RunAsync(nameof(LargePayloadSample.LargePayload), text);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(text + text, result.ReadOutputAs<string>());
        Assert.Equal(text, result.ReadInputAs<string>());
    }

    [Fact]
    public async Task NonDeterministic_ReplayDiffersFromHistory_Fails()
    {
        // Extended sessions keep the orchestration in memory, so nothing would replay: this host replays every episode.
        await using var replaying = await DurableTestHost.StartAsync(
            s => s[$"{Fractal.LocalHost.Durable.DurableTaskSettingNames.ConfigurationSection}:extendedSessionsEnabled"] = "false");

        var result = await replaying.RunAsync(nameof(NonDeterministicSample.NonDeterministic));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("NonDeterministic", result.FailureDetails!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Schedule_UnknownOrchestrator_FailsNamingIt()
    {
        var result = await _host.RunAsync("NoSuchOrchestrator");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("'NoSuchOrchestrator'", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallsMissingActivity_UnknownActivity_FailsNamingIt()
    {
        var result = await _host.RunAsync(nameof(MissingActivitySample.CallsMissingActivity));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains($"'{MissingActivitySample.MissingActivityName}'", result.FailureDetails!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_IdInUseWithEveryStatusDeduped_Throws()
    {
        var id = $"dedupe-{Guid.NewGuid():N}";
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloSample.HelloCities), new Microsoft.DurableTask.StartOrchestrationOptions(id));
        await _host.WaitForCompletionAsync(id);
        var everyStatus = Enum.GetNames<OrchestrationRuntimeStatus>();

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(HelloSample.HelloCities), new Microsoft.DurableTask.StartOrchestrationOptions(id) { DedupeStatuses = everyStatus }));
    }

    [Fact]
    public async Task GetAllInstances_ByIdPrefix_ListsOnlyThoseInstances()
    {
        var prefix = $"q{Guid.NewGuid():N}-";
        for (var i = 0; i < 3; i++)
        {
            await Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(HelloSample.HelloCities), new Microsoft.DurableTask.StartOrchestrationOptions($"{prefix}{i}"));
        }

        var found = new List<string>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 2 }))
        {
            found.Add(instance.InstanceId);
        }

        Assert.Equal([$"{prefix}0", $"{prefix}1", $"{prefix}2"], found.Order());
    }

    [Fact]
    public async Task GetOrchestrationHistory_CompletedInstance_ListsTypedEvents()
    {
        var result = await _host.RunAsync(nameof(HelloSample.HelloCities));

        var history = await Client.GetOrchestrationHistoryAsync(result.InstanceId);

        var started = Assert.Single(history.OfType<global::DurableTask.Core.History.ExecutionStartedEvent>());
        Assert.Equal(nameof(HelloSample.HelloCities), started.Name);
        Assert.Equal(3, history.OfType<global::DurableTask.Core.History.TaskCompletedEvent>().Count());
        Assert.Single(history.OfType<global::DurableTask.Core.History.ExecutionCompletedEvent>());
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_IsDropped()
    {
        await Client.RaiseEventAsync($"missing-{Guid.NewGuid():N}", "Anything", 1);

        Assert.Null(await Client.GetInstanceAsync($"missing-{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task GetInstance_Running_IsRunningAndTimesAreUtc()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalSample.Approval), 600.0);

        var running = await _host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        Assert.True(running.IsRunning);
        Assert.Equal(TimeSpan.Zero, running.CreatedAt.Offset);
        await Client.TerminateInstanceAsync(id);
    }
}
