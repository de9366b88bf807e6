using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// An analysis orchestration's output: the result inline, or, when it is over
/// <see cref="AnalysisResultStore.InlineLimit"/> bytes, a link to its blob; and its charts.
/// </summary>
public sealed record AnalysisOutput
{
    [JsonPropertyName("task_name")]
    public required string TaskName { get; init; }

    [JsonPropertyName("result")]
    public JsonElement? Result { get; init; }

    [JsonPropertyName("result_url")]
    public required string ResultUrl { get; init; }

    [JsonPropertyName("result_bytes")]
    public long ResultBytes { get; init; }

    [JsonPropertyName("charts")]
    public required IReadOnlyList<ChartLink> Charts { get; init; }
}
