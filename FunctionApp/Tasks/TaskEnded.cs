using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks;

/// <summary>How a task ended, as the orchestration hands it to the activity that publishes it.</summary>
public sealed record TaskEnded(
    [property: JsonPropertyName("run")] TaskRun Run,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("output")] JsonElement? Output,
    [property: JsonPropertyName("error")] string? Error);
