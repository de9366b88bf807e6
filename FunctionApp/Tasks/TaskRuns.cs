using System.Text.Json;
using Fractal.FunctionApp.Orchestrations;
using Fractal.FunctionApp.Tasks.Definitions;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Tasks;

/// <summary>Makes the orchestration input of a model's task: what the orchestrator must know of the model, and the fan-out limit.</summary>
public sealed class TaskRuns
{
    private readonly FanOutSettings _fanOut;

    public TaskRuns(IOptions<FanOutSettings> fanOut)
    {
        ArgumentNullException.ThrowIfNull(fanOut);
        _fanOut = fanOut.Value;
    }

    /// <summary>The run of <paramref name="model"/> with checked <paramref name="parameters"/> for the task <paramref name="taskId"/>.</summary>
    public TaskRun Create(string taskId, ITaskModel model, JsonElement parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new TaskRun(taskId, model.Name, parameters, model is IChainedTaskModel, model.MaxAttempts, _fanOut.MaxParallel);
    }
}
