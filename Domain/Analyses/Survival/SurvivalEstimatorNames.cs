namespace Fractal.Domain.Analyses.Survival;

/// <summary>The wire names of <see cref="SurvivalEstimator"/>: <c>KaplanMeier</c>, <c>NelsonAalen</c>.</summary>
public static class SurvivalEstimatorNames
{
    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = ["KaplanMeier", "NelsonAalen"];

    /// <summary>The wire name of <paramref name="estimator"/>.</summary>
    public static string ToName(this SurvivalEstimator estimator) => All[(int)estimator];

    /// <summary>Parses a wire name.</summary>
    /// <exception cref="AnalysisArgumentException">The name is not one of <see cref="All"/> (the argument is <c>estimator</c>).</exception>
    public static SurvivalEstimator Parse(string? name)
    {
        var index = All.ToList().IndexOf(name ?? string.Empty);
        return index >= 0
            ? (SurvivalEstimator)index
            : throw new AnalysisArgumentException("estimator", $"Unknown estimator '{name}'; use one of {string.Join(", ", All)}.");
    }
}
