using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>Why some of a feature's numbers are NaN.</summary>
public sealed record FeatureNote(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("reason")] string Reason);
