using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Histogram;

/// <summary>The values of one (category, subset) group: one unit of work.</summary>
public sealed record HistogramGroupInput(
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("values")] IReadOnlyList<double> Values);
