using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Survival;

/// <summary>The estimators <c>survival-analysis</c> offers, named on the wire as in Fractalis.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SurvivalEstimator>))]
public enum SurvivalEstimator
{
    /// <summary><c>KaplanMeier</c>: the survival function.</summary>
    [JsonStringEnumMemberName("KaplanMeier")]
    KaplanMeier,

    /// <summary><c>NelsonAalen</c>: the cumulative hazard.</summary>
    [JsonStringEnumMemberName("NelsonAalen")]
    NelsonAalen,
}
