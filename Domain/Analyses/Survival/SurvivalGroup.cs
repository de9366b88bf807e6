using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Survival;

/// <summary>One group's curve: its category, its subset (zero-based) and the curve.</summary>
public sealed record SurvivalGroup(
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("curve")] SurvivalCurve Curve);
