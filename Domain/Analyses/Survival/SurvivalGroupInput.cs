using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Survival;

/// <summary>The subjects of one (category, subset) group: one unit of work.</summary>
public sealed record SurvivalGroupInput(
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("ids")] IReadOnlyList<string> Ids,
    [property: JsonPropertyName("times")] IReadOnlyList<double> Times,
    [property: JsonPropertyName("events")] IReadOnlyList<bool> Events);
