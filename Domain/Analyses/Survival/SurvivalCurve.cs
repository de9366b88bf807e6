using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Survival;

/// <summary>One group's estimated curve at each distinct time, with its 95% band, under Fractalis' field names.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record SurvivalCurve
{
    [JsonPropertyName("timeline")]
    public required IReadOnlyList<double> Timeline { get; init; }

    /// <summary>The survival (Kaplan–Meier) or the cumulative hazard (Nelson–Aalen).</summary>
    [JsonPropertyName("estimate")]
    public required IReadOnlyList<double> Estimate { get; init; }

    /// <summary>The lower 95% limit; NaN where undefined (Kaplan–Meier at survival 0 or 1).</summary>
    [JsonPropertyName("ci_lower")]
    public required IReadOnlyList<double> Lower { get; init; }

    [JsonPropertyName("ci_upper")]
    public required IReadOnlyList<double> Upper { get; init; }

    [JsonPropertyName("at_risk")]
    public required IReadOnlyList<int> AtRisk { get; init; }

    [JsonPropertyName("events")]
    public required IReadOnlyList<int> Events { get; init; }

    /// <summary>The median survival time of the Kaplan–Meier curve; NaN when it never reaches one half.</summary>
    [JsonPropertyName("median")]
    public required double Median { get; init; }

    [JsonPropertyName("n")]
    public required int Count { get; init; }
}
