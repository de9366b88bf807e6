using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Correlation;

/// <summary>The statistics of one set of points: coefficient, p-value, least-squares line and size.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record CorrelationStatistics
{
    [JsonPropertyName("coef")]
    public required double Coefficient { get; init; }

    [JsonPropertyName("p_value")]
    public required double PValue { get; init; }

    [JsonPropertyName("slope")]
    public required double Slope { get; init; }

    [JsonPropertyName("intercept")]
    public required double Intercept { get; init; }

    [JsonPropertyName("n")]
    public required int Count { get; init; }

    /// <summary>Why a value is NaN; null when all are defined.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
