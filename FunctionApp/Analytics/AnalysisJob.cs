using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Analytics;

/// <summary>An analysis orchestration's input: whose datasets, which analysis, and its arguments as JSON text.</summary>
public sealed record AnalysisJob(
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("task_name")] string TaskName,
    [property: JsonPropertyName("args")] string Args);
