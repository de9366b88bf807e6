using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Analytics;

/// <summary>The body of <c>POST /api/analytics</c>.</summary>
public sealed record AnalysisRequest
{
    [JsonPropertyName("task_name")]
    public string? TaskName { get; init; }

    [JsonPropertyName("args")]
    public JsonElement Args { get; init; }
}
