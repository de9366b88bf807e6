namespace Fractal.Domain.Statistics.Survival;

/// <summary>An estimated curve at each time of its <see cref="EventTable"/>, with a 95% band (NaN where undefined).</summary>
public sealed record SurvivalEstimate(
    EventTable Table,
    IReadOnlyList<double> Estimate,
    IReadOnlyList<double> StandardError,
    IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper);
