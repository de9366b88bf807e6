using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>One cell of the heatmap: a feature's value for an id in a subset, and its z-score across the ids.</summary>
public sealed record HeatmapCell(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("zscore")] double ZScore,
    [property: JsonPropertyName("subset")] int Subset);
