using System.Text.Json;
using Fractal.FunctionApp.Orchestrations;
using Microsoft.DurableTask;

namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// Runs one task in its model's shape. A partitioned model: plan, one activity per partition (at most
/// <see cref="TaskRun.MaxParallel"/> at once, each retried up to the model's attempts, spread over every worker of the
/// hub), combine. A chained model: each step its own sub-orchestration of this orchestrator. Progress is the custom
/// status (<see cref="TaskProgress"/>); a task that ends, completed or failed, is published to <c>fractal.events</c>.
/// </summary>
public static class TaskOrchestration
{
    public const string Name = "TaskOrchestrator";

    [Function(Name)]
    public static async Task<JsonElement> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = context.GetInput<TaskRun>() ?? throw new InvalidOperationException("The task has no input.");
        JsonElement output;
        try
        {
            output = run.Chained ? await RunChainAsync(context, run) : await RunPartitionsAsync(context, run);
        }
        catch (TaskFailedException failure)
        {
            var failed = TaskModelFailedException.From(failure);
            await PublishAsync(context, new TaskEnded(run, "Failed", null, failed.Message));
            throw failed;
        }

        await PublishAsync(context, new TaskEnded(run, "Completed", output, null));
        return output;
    }

    private static async Task<JsonElement> RunPartitionsAsync(TaskOrchestrationContext context, TaskRun run)
    {
        context.SetCustomStatus(new TaskProgress(run.Model, 0, 0, "planning"));
        var partitions = await context.CallActivityAsync<JsonElement[]>(nameof(TaskActivities.PlanTaskPartitions), run);
        var done = 0;
        context.SetCustomStatus(new TaskProgress(run.Model, 0, partitions.Length, "processing partitions"));
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(Math.Max(1, run.MaxAttempts), TimeSpan.FromSeconds(1), backoffCoefficient: 2));
        var fanOut = new BoundedFanOut(Math.Max(1, run.MaxParallel));
        var parts = await Task.WhenAll(partitions.Select(partition => fanOut.RunAsync(async () =>
        {
            var part = await context.CallActivityAsync<TaskPartResult>(nameof(TaskActivities.ProcessTaskPartition), new TaskPartitionWork(run, partition), retry);
            done++;
            context.SetCustomStatus(new TaskProgress(run.Model, done, partitions.Length, done == partitions.Length ? "combining" : "processing partitions"));
            return part.Result;
        })));
        var output = await context.CallActivityAsync<JsonElement>(nameof(TaskActivities.CombineTaskPartitions), new TaskResults(run, parts), retry);
        context.SetCustomStatus(new TaskProgress(run.Model, partitions.Length, partitions.Length, "completed"));
        return output;
    }

    private static async Task<JsonElement> RunChainAsync(TaskOrchestrationContext context, TaskRun run)
    {
        var outputs = new List<JsonElement>();
        var total = await context.CallActivityAsync<int>(nameof(TaskActivities.CountTaskSteps), run);
        while (await context.CallActivityAsync<TaskRun?>(nameof(TaskActivities.NextTaskStep), new TaskResults(run, outputs)) is { } step)
        {
            context.SetCustomStatus(new TaskProgress(run.Model, outputs.Count, total, $"running step {outputs.Count + 1}: {step.Model}"));
            var instanceId = context.InstanceId.StartsWith(TaskIds.InstancePrefix, StringComparison.Ordinal)
                ? TaskIds.StepInstanceId(run.TaskId, outputs.Count)
                : $"{context.InstanceId}:{outputs.Count}";
            outputs.Add(await context.CallSubOrchestratorAsync<JsonElement>(Name, step, new SubOrchestrationOptions(instanceId: instanceId)));
        }

        var output = await context.CallActivityAsync<JsonElement>(nameof(TaskActivities.CombineTaskSteps), new TaskResults(run, outputs));
        context.SetCustomStatus(new TaskProgress(run.Model, outputs.Count, total, "completed"));
        return output;
    }

    private static Task PublishAsync(TaskOrchestrationContext context, TaskEnded ended) =>
        ended.Run.Publish
            ? context.CallActivityAsync(nameof(TaskActivities.PublishTaskEvent), ended, TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2)))
            : Task.CompletedTask;
}
