using System.Text.Json.Serialization;

namespace Fractal.Domain.Statistics.Anova;

/// <summary>A one-way ANOVA's F statistic and p-value; NaN with a <see cref="Reason"/> when undefined.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record AnovaResult
{
    [JsonPropertyName("f_value")]
    public required double F { get; init; }

    [JsonPropertyName("p_value")]
    public required double PValue { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
