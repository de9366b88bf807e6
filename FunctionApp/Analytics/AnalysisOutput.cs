using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// An analysis orchestration's output: links to its result (with its size) and to its charts. It names blobs and holds
/// no numbers, so neither histories nor the management API ever show a user's data.
/// </summary>
public sealed record AnalysisOutput
{
    [JsonPropertyName("task_name")]
    public required string TaskName { get; init; }

    [JsonPropertyName("result_url")]
    public required string ResultUrl { get; init; }

    [JsonPropertyName("result_bytes")]
    public long ResultBytes { get; init; }

    [JsonPropertyName("charts")]
    public required IReadOnlyList<ChartLink> Charts { get; init; }
}
