using Fractal.LocalHost.Functions;
using Fractal.Samples;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Tests.Functions;

public sealed class FunctionIndexTests
{
    private static readonly FunctionIndex s_samples = FunctionIndex.FromAssembly(typeof(HelloSample).Assembly);

    [Fact]
    public void FromAssembly_Samples_FindsEachFunctionWithItsTrigger()
    {
        var expected = new Dictionary<string, FunctionTriggerKind>
        {
            [nameof(HelloSample.HelloCities)] = FunctionTriggerKind.Orchestration,
            [nameof(HelloSample.SayHello)] = FunctionTriggerKind.Activity,
            [nameof(HelloSample.HelloStart)] = FunctionTriggerKind.Http,
            [nameof(FanOutSample.FanOut)] = FunctionTriggerKind.Orchestration,
            [nameof(FanOutSample.EchoIndex)] = FunctionTriggerKind.Activity,
            [nameof(FanOutSample.FanOutStart)] = FunctionTriggerKind.Http,
            [nameof(ApprovalSample.Approval)] = FunctionTriggerKind.Orchestration,
            [nameof(ApprovalSample.ApprovalStart)] = FunctionTriggerKind.Http,
            [nameof(SequenceSample.Sequence)] = FunctionTriggerKind.Orchestration,
            [nameof(SequenceSample.AppendLetter)] = FunctionTriggerKind.Activity,
            [nameof(TimerSample.DurableTimer)] = FunctionTriggerKind.Orchestration,
            [nameof(SubOrchestrationSample.ParentOrchestration)] = FunctionTriggerKind.Orchestration,
            [nameof(RetrySample.Retrying)] = FunctionTriggerKind.Orchestration,
            [nameof(RetrySample.Flaky)] = FunctionTriggerKind.Activity,
            [nameof(RetrySample.FailsUntilRewound)] = FunctionTriggerKind.Orchestration,
            [nameof(StopSample.WaitsForStop)] = FunctionTriggerKind.Orchestration,
            [nameof(StopSample.RunsUntilCancelled)] = FunctionTriggerKind.Activity,
            [nameof(ContinueAsNewSample.Counter)] = FunctionTriggerKind.Orchestration,
            [nameof(CustomStatusSample.CustomStatus)] = FunctionTriggerKind.Orchestration,
            [nameof(LargePayloadSample.LargePayload)] = FunctionTriggerKind.Orchestration,
            [nameof(LargePayloadSample.DoubleText)] = FunctionTriggerKind.Activity,
            [nameof(NonDeterministicSample.NonDeterministic)] = FunctionTriggerKind.Orchestration,
            [nameof(SlowFanOutSample.SlowFanOut)] = FunctionTriggerKind.Orchestration,
            [nameof(SlowFanOutSample.SlowEcho)] = FunctionTriggerKind.Activity,
            [nameof(MissingActivitySample.CallsMissingActivity)] = FunctionTriggerKind.Orchestration,
            [nameof(SubOrchestrationSample.ParentReport)] = FunctionTriggerKind.Orchestration,
            [nameof(SubOrchestrationSample.ReportParent)] = FunctionTriggerKind.Orchestration,
        };

        Assert.All(expected, pair =>
        {
            Assert.True(s_samples.TryGetFunction(pair.Key, out var function), pair.Key);
            Assert.Equal(pair.Value, function.TriggerKind);
        });
        Assert.Equal(s_samples.Functions.Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase), s_samples.Functions.Select(f => f.Name));
    }

    [Fact]
    public void FromAssembly_HttpStarter_ReadsRouteMethodsAuthLevelAndDurableClient()
    {
        Assert.True(s_samples.TryGetFunction("hellostart", out var function));

        Assert.Equal("samples/hello", function.HttpTrigger!.Route);
        Assert.Equal(["post"], function.HttpTrigger.Methods!);
        Assert.Equal(AuthorizationLevel.Function, function.HttpTrigger.AuthLevel);
        var client = Assert.Single(function.Parameters, p => p.Kind == FunctionParameterKind.InputBinding);
        Assert.IsType<DurableClientAttribute>(client.Binding);
        Assert.Equal(typeof(DurableTaskClient), client.ParameterType);
        Assert.Contains(function.Parameters, p => p.Kind == FunctionParameterKind.CancellationToken);
    }

    [Fact]
    public void FromAssembly_Activity_TriggerParameterAndResultType()
    {
        Assert.True(s_samples.TryGetFunction(nameof(SequenceSample.AppendLetter), out var function));

        Assert.Equal(typeof(AppendRequest), function.Trigger.ParameterType);
        Assert.IsType<ActivityTriggerAttribute>(function.TriggerAttribute);
        Assert.Equal(typeof(string), function.ResultType);
    }

    [Fact]
    public void FromAssembly_Orchestrator_ContextTriggerAndUnwrappedTaskResult()
    {
        Assert.True(s_samples.TryGetFunction(nameof(FanOutSample.FanOut), out var function));

        Assert.Equal(typeof(TaskOrchestrationContext), function.Trigger.ParameterType);
        Assert.Equal(typeof(int[]), function.ResultType);
    }

    [Fact]
    public void FromTypes_DuplicateName_FailsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionIndex.FromTypes([typeof(DuplicateFunctionsA), typeof(DuplicateFunctionsB)]));

        Assert.Contains("'twin'", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FromTypes_OtherTrigger_KeepsItsAttribute()
    {
        var index = FunctionIndex.FromTypes([typeof(InvokerTestFunctions)]);

        Assert.True(index.TryGetFunction(nameof(InvokerTestFunctions.OnMessage), out var function));
        Assert.Equal(FunctionTriggerKind.Other, function.TriggerKind);
        Assert.IsType<TestQueueTriggerAttribute>(function.TriggerAttribute);
    }
}
