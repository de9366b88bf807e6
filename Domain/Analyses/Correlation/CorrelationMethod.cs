using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Correlation;

/// <summary>The correlation coefficients <c>compute-correlation</c> offers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CorrelationMethod>))]
public enum CorrelationMethod
{
    /// <summary><c>pearson</c>: Pearson's r.</summary>
    [JsonStringEnumMemberName("pearson")]
    Pearson,

    /// <summary><c>spearman</c>: Spearman's rho.</summary>
    [JsonStringEnumMemberName("spearman")]
    Spearman,

    /// <summary><c>kendall</c>: Kendall's tau-b.</summary>
    [JsonStringEnumMemberName("kendall")]
    Kendall,
}
