using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses;

/// <summary>An analysis as the catalog lists it: its task name, what it computes, and its arguments.</summary>
public sealed record AnalysisSchema
{
    /// <summary>Fractalis' task name, such as <c>compute-correlation</c>.</summary>
    [JsonPropertyName("task_name")]
    public required string TaskName { get; init; }

    [JsonPropertyName("description")]
    public required string Description { get; init; }

    [JsonPropertyName("parameters")]
    public required IReadOnlyList<AnalysisParameter> Parameters { get; init; }
}
