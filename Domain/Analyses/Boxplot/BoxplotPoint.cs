using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>
/// One transformed value in one group, marked when it lies beyond the whiskers; <see cref="Outlier"/> is null in a
/// group of one value, which has no box.
/// </summary>
public sealed record BoxplotPoint(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("outlier")] bool? Outlier);
