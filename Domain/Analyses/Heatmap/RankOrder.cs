namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>Which end of a statistic's column ranks first.</summary>
public enum RankOrder
{
    /// <summary>Largest first: means, medians, variances, average expression, F, B.</summary>
    LargestFirst,

    /// <summary>Smallest first: p-values.</summary>
    SmallestFirst,

    /// <summary>Largest absolute value first, either sign: fold changes and t.</summary>
    LargestMagnitudeFirst,
}
