using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Pca;

/// <summary>One feature's loading on every component: <c>-component · sqrt(explained variance)</c>.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record PcaLoading(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("loadings")] IReadOnlyList<double> Loadings);
