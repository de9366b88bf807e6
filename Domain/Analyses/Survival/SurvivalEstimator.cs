namespace Fractal.Domain.Analyses.Survival;

/// <summary>The estimators <c>survival-analysis</c> offers, named on the wire as in Fractalis.</summary>
public enum SurvivalEstimator
{
    /// <summary><c>KaplanMeier</c>: the survival function.</summary>
    KaplanMeier,

    /// <summary><c>NelsonAalen</c>: the cumulative hazard.</summary>
    NelsonAalen,
}
