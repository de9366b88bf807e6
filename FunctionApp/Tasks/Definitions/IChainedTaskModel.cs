using System.Text.Json;

namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>
/// A model that chains other models: each step is another model's task, run as a sub-orchestration, and the next step
/// may use the outputs of the steps before it. Both methods are pure.
/// </summary>
public interface IChainedTaskModel : ITaskModel
{
    /// <summary>The step after <paramref name="outputs"/> (the outputs of the steps run so far), or null when the chain is done.</summary>
    TaskStep? NextStep(TaskContext task, JsonElement parameters, IReadOnlyList<JsonElement> outputs);

    /// <summary>The number of steps the chain runs, for progress.</summary>
    int StepCount { get; }

    /// <summary>The task's output from every step's output.</summary>
    JsonElement Combine(JsonElement parameters, IReadOnlyList<JsonElement> outputs);
}
