using System.Text.Json;
using Fractal.FunctionApp.Orchestrations;
using Fractal.FunctionApp.Tasks.Definitions;

namespace Fractal.FunctionApp.Tasks;

/// <summary>Makes the orchestration input of a model's task: what the orchestrator must know of the model, and the fan-out limit.</summary>
public sealed class TaskRuns
{
    private readonly FanOutSettings _fanOut;

    public TaskRuns(FanOutSettings fanOut)
    {
        _fanOut = fanOut;
    }

    /// <summary>The run of <paramref name="model"/> with checked <paramref name="parameters"/> for the task <paramref name="taskId"/>.</summary>
    public TaskRun Create(string taskId, ITaskModel model, JsonElement parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TaskRun(taskId, model.Name, parameters, model is IChainedTaskModel, model.MaxAttempts, _fanOut.MaxParallel);
    }
}
