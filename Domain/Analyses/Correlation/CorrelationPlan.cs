using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Correlation;

/// <summary>
/// <c>compute-correlation</c> split into independent units: <see cref="Groups"/> holds the overall
/// points first, then each subset's; compute each with <see cref="CorrelationAnalysis.Statistics"/>
/// (in parallel if wished) and join them with <see cref="CorrelationAnalysis.Combine"/>.
/// </summary>
public sealed record CorrelationPlan
{
    [JsonPropertyName("method")]
    public required CorrelationMethod Method { get; init; }

    [JsonPropertyName("x_label")]
    public required string XLabel { get; init; }

    [JsonPropertyName("y_label")]
    public required string YLabel { get; init; }

    [JsonPropertyName("data")]
    public required IReadOnlyList<CorrelationPoint> Data { get; init; }

    [JsonPropertyName("dropped_ids")]
    public required IReadOnlyList<string> DroppedIds { get; init; }

    [JsonPropertyName("groups")]
    public required IReadOnlyList<CorrelationGroupInput> Groups { get; init; }
}
