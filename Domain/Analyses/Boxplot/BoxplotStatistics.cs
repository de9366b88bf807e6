using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>The box of one (feature, category, subset) group, under Fractalis' field names.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record BoxplotStatistics
{
    [JsonPropertyName("l_qrt")]
    public required double LowerQuartile { get; init; }

    [JsonPropertyName("median")]
    public required double Median { get; init; }

    [JsonPropertyName("u_qrt")]
    public required double UpperQuartile { get; init; }

    /// <summary>The smallest value no more than 1.5 IQR below the lower quartile.</summary>
    [JsonPropertyName("l_wsk")]
    public required double LowerWhisker { get; init; }

    /// <summary>The largest value no more than 1.5 IQR above the upper quartile.</summary>
    [JsonPropertyName("u_wsk")]
    public required double UpperWhisker { get; init; }

    /// <summary>The values beyond the whiskers, ascending.</summary>
    [JsonPropertyName("outliers")]
    public required IReadOnlyList<double> Outliers { get; init; }

    [JsonPropertyName("n")]
    public required int Count { get; init; }

    /// <summary>The Gaussian kernel density (Scott's bandwidth) at 100 points from l_wsk to u_wsk; empty when undefined.</summary>
    [JsonPropertyName("kde")]
    public required IReadOnlyList<double> Kde { get; init; }

    /// <summary>Why the density is empty; null when it is defined.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
