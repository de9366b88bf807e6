using System.Text.Json;
using Fractal.FunctionApp.Tasks.Definitions;
using Fractal.FunctionApp.Tasks.Events;

namespace Fractal.FunctionApp.Tasks;

/// <summary>The task orchestration's activities: each finds its model in the <see cref="TaskModelRegistry"/> and runs one step of it.</summary>
public sealed class TaskActivities
{
    private readonly TaskModelRegistry _models;
    private readonly ITaskEventPublisher _events;
    private readonly TaskRuns _runs;

    public TaskActivities(TaskModelRegistry models, ITaskEventPublisher events, TaskRuns runs)
    {
        _models = models;
        _events = events;
        _runs = runs;
    }

    [Function(nameof(PlanTaskPartitions))]
    public async Task<JsonElement[]> PlanTaskPartitions([ActivityTrigger] TaskRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. await _models.Shipped<IPartitionedTaskModel>(run.Model).PlanAsync(new TaskContext(run.TaskId), run.Parameters, cancellationToken)];
    }

    [Function(nameof(ProcessTaskPartition))]
    public async Task<TaskPartResult> ProcessTaskPartition([ActivityTrigger] TaskPartitionWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var model = _models.Shipped<IPartitionedTaskModel>(work.Run.Model);
        var result = await model.ProcessAsync(new TaskContext(work.Run.TaskId), work.Run.Parameters, work.Partition, cancellationToken);
        return new TaskPartResult($"{Environment.MachineName}-{Environment.ProcessId}", result);
    }

    [Function(nameof(CombineTaskPartitions))]
    public Task<JsonElement> CombineTaskPartitions([ActivityTrigger] TaskResults parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return _models.Shipped<IPartitionedTaskModel>(parts.Run.Model).CombineAsync(new TaskContext(parts.Run.TaskId), parts.Run.Parameters, parts.Results, cancellationToken);
    }

    [Function(nameof(CountTaskSteps))]
    public int CountTaskSteps([ActivityTrigger] TaskRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _models.Shipped<IChainedTaskModel>(run.Model).StepCount;
    }

    /// <summary>The run of the chain's next step, or null when the chain is done.</summary>
    [Function(nameof(NextTaskStep))]
    public TaskRun? NextTaskStep([ActivityTrigger] TaskResults steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var run = steps.Run;
        return _models.Shipped<IChainedTaskModel>(run.Model).NextStep(new TaskContext(run.TaskId), run.Parameters, steps.Results) is { } step
            ? _runs.Create(run.TaskId, _models.Shipped<ITaskModel>(step.Model), step.Parameters) with { Publish = false }
            : null;
    }

    [Function(nameof(CombineTaskSteps))]
    public JsonElement CombineTaskSteps([ActivityTrigger] TaskResults steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return _models.Shipped<IChainedTaskModel>(steps.Run.Model).Combine(steps.Run.Parameters, steps.Results);
    }

    [Function(nameof(PublishTaskEvent))]
    public Task PublishTaskEvent([ActivityTrigger] TaskEnded ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var summary = ended.Output is { } output ? _models.Shipped<ITaskModel>(ended.Run.Model).Summarize(output) : (JsonElement?)null;
        return _events.PublishAsync(new TaskEvent(ended.Run.TaskId, ended.Run.Model, ended.Status, summary, ended.Error), cancellationToken);
    }
}
