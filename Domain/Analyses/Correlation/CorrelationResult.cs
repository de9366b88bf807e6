using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Correlation;

/// <summary>The output of <c>compute-correlation</c>: the statistics over all points and per subset.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record CorrelationResult
{
    /// <summary>The statistics over every id in any subset (each id once).</summary>
    [JsonPropertyName("overall")]
    public required CorrelationStatistics Overall { get; init; }

    [JsonPropertyName("coef")]
    public double Coefficient => Overall.Coefficient;

    [JsonPropertyName("p_value")]
    public double PValue => Overall.PValue;

    [JsonPropertyName("slope")]
    public double Slope => Overall.Slope;

    [JsonPropertyName("intercept")]
    public double Intercept => Overall.Intercept;

    /// <summary>The statistics of each subset, in subset order (<c>s1</c> first).</summary>
    [JsonPropertyName("subsets")]
    public required IReadOnlyList<CorrelationStatistics> Subsets { get; init; }

    [JsonPropertyName("method")]
    public required string Method { get; init; }

    [JsonPropertyName("data")]
    public required IReadOnlyList<CorrelationPoint> Data { get; init; }

    [JsonPropertyName("x_label")]
    public required string XLabel { get; init; }

    [JsonPropertyName("y_label")]
    public required string YLabel { get; init; }

    /// <summary>Ids in both variables that were dropped because a value is missing.</summary>
    [JsonPropertyName("dropped_ids")]
    public required IReadOnlyList<string> DroppedIds { get; init; }
}
