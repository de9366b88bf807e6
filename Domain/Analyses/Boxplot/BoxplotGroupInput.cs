using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>The transformed values of one (feature, category, subset) group: one unit of work.</summary>
public sealed record BoxplotGroupInput(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("ids")] IReadOnlyList<string> Ids,
    [property: JsonPropertyName("values")] IReadOnlyList<double> Values);
