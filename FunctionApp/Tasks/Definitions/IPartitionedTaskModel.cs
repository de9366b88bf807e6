using System.Text.Json;

namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>
/// A model whose work splits into partitions: <see cref="PlanAsync"/> once, <see cref="ProcessAsync"/> once per partition
/// (each an activity, spread over every worker of the task hub), then <see cref="CombineAsync"/> over the partitions'
/// results in partition order. Every payload is a JSON value, as activity inputs and outputs are.
/// </summary>
public interface IPartitionedTaskModel : ITaskModel
{
    /// <summary>The partitions of the task's work.</summary>
    Task<IReadOnlyList<JsonElement>> PlanAsync(TaskContext task, JsonElement parameters, CancellationToken cancellationToken);

    /// <summary>Processes one partition; a throw is retried up to <see cref="ITaskModel.MaxAttempts"/> times.</summary>
    Task<JsonElement> ProcessAsync(TaskContext task, JsonElement parameters, JsonElement partition, CancellationToken cancellationToken);

    /// <summary>The task's output from every partition's result.</summary>
    Task<JsonElement> CombineAsync(TaskContext task, JsonElement parameters, IReadOnlyList<JsonElement> parts, CancellationToken cancellationToken);
}
