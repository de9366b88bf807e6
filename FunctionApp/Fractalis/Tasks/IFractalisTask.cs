using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>One Fractalis task as Fractal.js calls it, translated to and from the native analysis of the same name.</summary>
public interface IFractalisTask
{
    /// <summary>The task name, the same in Fractalis and natively.</summary>
    string TaskName { get; }

    /// <summary>The native <c>args</c> for Fractal.js' <c>args</c>.</summary>
    /// <exception cref="FractalisArgumentException">An argument cannot be translated.</exception>
    /// <exception cref="FractalisUnsupportedTaskException">The arguments ask for a variant Fractal does not compute.</exception>
    JsonObject ToNative(FractalisArgs args);

    /// <summary>Fractalis' result object for a native result, before it is written as the string Fractal.js parses.</summary>
    JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs);
}
