using System.Text.Json;
using Fractal.FunctionApp.Tasks;
using Microsoft.DurableTask;
using Moq;

namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>The task orchestration's shapes, replayed against a mocked <see cref="TaskOrchestrationContext"/>.</summary>
public sealed class TaskOrchestrationTests
{
    private readonly Mock<TaskOrchestrationContext> _context = new(MockBehavior.Strict);
    private readonly List<(string Activity, object? Input, TaskOptions? Options)> _calls = [];
    private readonly List<TaskProgress> _statuses = [];

    public TaskOrchestrationTests()
    {
        _context.SetupGet(c => c.InstanceId).Returns("task:t1");
        _context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => _statuses.Add((TaskProgress)status!));
        _context
            .Setup(c => c.CallActivityAsync(It.Is<TaskName>(name => name.Name == nameof(TaskActivities.PublishTaskEvent)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? options) =>
            {
                _calls.Add((name.Name, input, options));
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task RunAsync_Partitioned_ProcessesEveryPartitionWithTheModelsRetriesThenCombinesInPlanOrder()
    {
        Given(Run(chained: false));
        Returns(nameof(TaskActivities.PlanTaskPartitions), new[] { Json(0), Json(1), Json(2) });
        ReturnsPerInput<TaskPartitionWork, TaskPartResult>(nameof(TaskActivities.ProcessTaskPartition), work => Part($"part{work.Partition.GetInt32()}"));
        ReturnsPerInput<TaskResults, JsonElement>(nameof(TaskActivities.CombineTaskPartitions), parts => Json(string.Join('+', parts.Results.Select(r => r.GetString()))));

        var output = await TaskOrchestration.RunAsync(_context.Object);

        Assert.Equal("part0+part1+part2", output.GetString());
        var processed = Calls(nameof(TaskActivities.ProcessTaskPartition));
        Assert.Equal([0, 1, 2], processed.Select(c => ((TaskPartitionWork)c.Input!).Partition.GetInt32()));
        Assert.All(processed, call => Assert.Equal(4, call.Options!.Retry!.Policy!.MaxNumberOfAttempts));
        Assert.Equal([0, 0, 1, 2, 3, 3], _statuses.Select(s => s.PartitionsDone));
        Assert.All(_statuses.Skip(1), status => Assert.Equal(3, status.PartitionsTotal));
        Assert.Equal("completed", _statuses[^1].Message);
        var published = (TaskEnded)Assert.Single(Calls(nameof(TaskActivities.PublishTaskEvent))).Input!;
        Assert.Equal(("Completed", "part0+part1+part2", null), (published.Status, published.Output!.Value.GetString(), published.Error));
    }

    [Fact]
    public async Task RunAsync_APartitionFailsAfterItsRetries_PublishesFailedWithTheRootErrorAndCombinesNothing()
    {
        Given(Run(chained: false));
        Returns(nameof(TaskActivities.PlanTaskPartitions), new[] { Json(0), Json(1) });
        ReturnsPerInput<TaskPartitionWork, TaskPartResult>(nameof(TaskActivities.ProcessTaskPartition), work => work.Partition.GetInt32() == 1
            ? throw new TaskFailedException(nameof(TaskActivities.ProcessTaskPartition), 3, new TaskFailureDetails("System.IO.IOException", "outer", null, new TaskFailureDetails("System.InvalidOperationException", "the source went away", null, null, null), null))
            : Part("ok"));

        var error = await Assert.ThrowsAsync<TaskModelFailedException>(() => TaskOrchestration.RunAsync(_context.Object));

        Assert.Equal("System.InvalidOperationException: the source went away", error.Message);
        Assert.Empty(Calls(nameof(TaskActivities.CombineTaskPartitions)));
        var published = (TaskEnded)Assert.Single(Calls(nameof(TaskActivities.PublishTaskEvent))).Input!;
        Assert.Equal(("Failed", error.Message), (published.Status, published.Error));
    }

    [Fact]
    public async Task RunAsync_Chained_RunsEachStepAsASubOrchestrationInTheTasksNamespaceThenCombines()
    {
        Given(Run(chained: true));
        Returns(nameof(TaskActivities.CountTaskSteps), 2);
        ReturnsPerInput<TaskResults, TaskRun?>(nameof(TaskActivities.NextTaskStep), steps => steps.Results.Count < 2
            ? new TaskRun("t1", $"step-model-{steps.Results.Count}", Json(steps.Results.Count), Chained: false, 3, 16, Publish: false)
            : null);
        var subOrchestrations = new List<(TaskRun Run, string? InstanceId)>();
        _context
            .Setup(c => c.CallSubOrchestratorAsync<JsonElement>(It.Is<TaskName>(name => name.Name == TaskOrchestration.Name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? options) =>
            {
                subOrchestrations.Add(((TaskRun)input!, (options as SubOrchestrationOptions)?.InstanceId));
                return Task.FromResult(Json($"out-{((TaskRun)input!).Model}"));
            });
        ReturnsPerInput<TaskResults, JsonElement>(nameof(TaskActivities.CombineTaskSteps), steps => Json(steps.Results.Count));

        var output = await TaskOrchestration.RunAsync(_context.Object);

        Assert.Equal(2, output.GetInt32());
        Assert.Equal([("step-model-0", "task-step:t1:0"), ("step-model-1", "task-step:t1:1")], subOrchestrations.Select(s => (s.Run.Model, s.InstanceId)));
        Assert.Equal(["out-step-model-0", "out-step-model-1"], ((TaskResults)Calls(nameof(TaskActivities.CombineTaskSteps))[0].Input!).Results.Select(r => r.GetString()));
        Assert.Equal([(0, 2), (1, 2), (2, 2)], _statuses.Select(s => (s.PartitionsDone, s.PartitionsTotal)));
        Assert.Single(Calls(nameof(TaskActivities.PublishTaskEvent)));
    }

    [Fact]
    public async Task RunAsync_AStepOfAChain_PublishesNoEventOfItsOwn()
    {
        Given(Run(chained: false) with { Publish = false });
        Returns(nameof(TaskActivities.PlanTaskPartitions), new[] { Json(0) });
        ReturnsPerInput<TaskPartitionWork, TaskPartResult>(nameof(TaskActivities.ProcessTaskPartition), _ => Part("p"));
        ReturnsPerInput<TaskResults, JsonElement>(nameof(TaskActivities.CombineTaskPartitions), _ => Json("done"));

        await TaskOrchestration.RunAsync(_context.Object);

        Assert.Empty(Calls(nameof(TaskActivities.PublishTaskEvent)));
    }

    private static TaskRun Run(bool chained) => new("t1", "some-model", Json(new { }), chained, MaxAttempts: 4, MaxParallel: 2);

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);

    private static TaskPartResult Part(string result) => new("worker-1", Json(result));

    private List<(string Activity, object? Input, TaskOptions? Options)> Calls(string activity) => [.. _calls.Where(c => c.Activity == activity)];

    private void Given(TaskRun run) => _context.Setup(c => c.GetInput<TaskRun>()).Returns(run);

    private void Returns<TResult>(string activity, TResult result) => ReturnsPerInput<object, TResult>(activity, _ => result);

    /// <summary>The activity answers what <paramref name="result"/> gives for its input, or the <see cref="TaskFailedException"/> it throws.</summary>
    private void ReturnsPerInput<TInput, TResult>(string activity, Func<TInput, TResult> result) =>
        _context
            .Setup(c => c.CallActivityAsync<TResult>(It.Is<TaskName>(name => name.Name == activity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? options) =>
            {
                _calls.Add((activity, input, options));
                try
                {
                    return Task.FromResult(result((TInput)input!));
                }
                catch (TaskFailedException failure)
                {
                    return Task.FromException<TResult>(failure);
                }
            });
}
