using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>Interim: the native result as JSON text (the per-task translation lands from its own branch).</summary>
public static class FractalisTaskResults
{
    public static string ToFractalis(string taskName, JsonElement nativeResult, JsonObject nativeArgs) => nativeResult.GetRawText();
}
