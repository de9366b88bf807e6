namespace Fractal.Domain.Analyses.Volcano;

/// <summary>
/// Welch's unequal-variance t-test per feature, second group against the first: <see cref="LogFC"/> is the
/// difference of means (the data being on a log scale), <see cref="T"/> and <see cref="PValue"/> as SciPy's
/// <c>ttest_ind(second, first, equal_var=False)</c> with missing values left out, <see cref="Df"/> the
/// Welch–Satterthwaite degrees of freedom. A feature that cannot be tested has NaN and a <see cref="Problems"/> entry.
/// </summary>
public sealed record WelchTable(double[] LogFC, double[] T, double[] PValue, double[] Df, string?[] Problems)
{
    public int FeatureCount => LogFC.Length;
}
