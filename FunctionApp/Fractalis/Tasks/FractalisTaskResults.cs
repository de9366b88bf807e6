using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>Translates a native analysis result into the <c>result</c> string Fractal.js parses.</summary>
public static class FractalisTaskResults
{
    /// <summary>
    /// The JSON text Fractalis would send as the <c>result</c> of <paramref name="taskName"/>: its field names and
    /// shapes, NaN and infinities as null, and the fields Fractalis itself sends as JSON strings (such as the
    /// <c>data</c> of correlation, boxplot and histogram) as strings, in Fractalis' orientation. Every number comes
    /// from <paramref name="nativeResult"/>.
    /// </summary>
    /// <param name="taskName">The task, the same natively and in Fractalis.</param>
    /// <param name="nativeResult">The native result, serialized with the analytics JSON options.</param>
    /// <param name="nativeArgs">The native <c>args</c> the result was computed from.</param>
    /// <exception cref="ArgumentException">An unknown task.</exception>
    public static string ToFractalis(string taskName, JsonElement nativeResult, JsonObject nativeArgs)
    {
        ArgumentNullException.ThrowIfNull(nativeArgs);
        var task = FractalisTasks.Find(taskName)
            ?? throw new ArgumentException($"Unknown task '{taskName}'.", nameof(taskName));
        return task.ToFractalis(nativeResult, nativeArgs).ToJsonString();
    }
}
