using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>Interim: Fractal.js' arguments passed through unchanged (the per-task translation lands from its own branch).</summary>
public static class FractalisTaskArgs
{
    public static JsonObject ToNative(string taskName, JsonObject args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return (JsonObject)args.DeepClone();
    }
}
