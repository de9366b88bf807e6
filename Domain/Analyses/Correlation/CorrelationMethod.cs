namespace Fractal.Domain.Analyses.Correlation;

/// <summary>The correlation coefficients <c>compute-correlation</c> offers.</summary>
public enum CorrelationMethod
{
    /// <summary><c>pearson</c>: Pearson's r.</summary>
    Pearson,

    /// <summary><c>spearman</c>: Spearman's rho.</summary>
    Spearman,

    /// <summary><c>kendall</c>: Kendall's tau-b.</summary>
    Kendall,
}
