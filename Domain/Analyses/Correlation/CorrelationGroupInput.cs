using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Correlation;

/// <summary>The paired values of one unit of work: all points (<c>overall</c>) or one subset (<c>s1</c>, …).</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record CorrelationGroupInput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("x")] IReadOnlyList<double> X,
    [property: JsonPropertyName("y")] IReadOnlyList<double> Y);
