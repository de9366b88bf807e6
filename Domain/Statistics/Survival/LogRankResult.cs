using System.Text.Json.Serialization;

namespace Fractal.Domain.Statistics.Survival;

/// <summary>A log-rank test's chi-squared statistic, degrees of freedom and p-value; NaN with a <see cref="Reason"/> when undefined.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record LogRankResult
{
    [JsonPropertyName("chi2")]
    public required double ChiSquared { get; init; }

    [JsonPropertyName("df")]
    public required int DegreesOfFreedom { get; init; }

    [JsonPropertyName("p_value")]
    public required double PValue { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
