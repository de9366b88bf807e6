using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Correlation;

/// <summary>One joined point, once per subset it belongs to, as Fractalis lists its <c>data</c>.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record CorrelationPoint(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("value_x")] double X,
    [property: JsonPropertyName("value_y")] double Y,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("category")] string? Category);
