using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>Translates the <c>args</c> Fractal.js sends for a task into the native analysis' <c>args</c>.</summary>
public static class FractalisTaskArgs
{
    /// <summary>
    /// The native <c>args</c> for <paramref name="taskName"/>, from Fractal.js' <paramref name="args"/> whose
    /// <c>"$…$"</c> references are already native dataset references (an id, or <c>{"id", "filters"}</c>, passed on
    /// untouched). Names are mapped, values Fractalis spells differently are translated, and what the native
    /// analysis does not take is dropped.
    /// </summary>
    /// <exception cref="FractalisArgumentException">An unknown task, or an argument of the wrong shape, named in the message.</exception>
    /// <exception cref="FractalisUnsupportedTaskException">A variant of the task that Fractal does not compute (the task should end in FAILURE).</exception>
    public static JsonObject ToNative(string taskName, JsonObject args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var task = FractalisTasks.Find(taskName)
            ?? throw new FractalisArgumentException("task_name", $"Unknown task '{taskName}'; use one of {string.Join(", ", FractalisTasks.TaskNames)}.");
        return task.ToNative(new FractalisArgs(args));
    }
}
