using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Pca;

/// <summary>The output of <c>compute-pca</c>.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record PcaResult
{
    [JsonPropertyName("data")]
    public required IReadOnlyList<PcaPoint> Data { get; init; }

    [JsonPropertyName("loadings")]
    public required IReadOnlyList<PcaLoading> Loadings { get; init; }

    [JsonPropertyName("variance_ratios")]
    public required IReadOnlyList<double> VarianceRatios { get; init; }

    [JsonPropertyName("explained_variance")]
    public required IReadOnlyList<double> ExplainedVariance { get; init; }

    [JsonPropertyName("whiten")]
    public required bool Whiten { get; init; }

    /// <summary>Features left out because no kept id has a value for them.</summary>
    [JsonPropertyName("dropped_features")]
    public required IReadOnlyList<string> DroppedFeatures { get; init; }

    /// <summary>How many missing values were replaced by their feature's median.</summary>
    [JsonPropertyName("imputed_values")]
    public required int ImputedValues { get; init; }

    /// <summary>Why some values are NaN (whitened scores of a zero-variance component); null when none are.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
