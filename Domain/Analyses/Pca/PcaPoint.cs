using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Pca;

/// <summary>One id's scores on every component, once per subset it belongs to.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record PcaPoint(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("scores")] IReadOnlyList<double> Scores);
