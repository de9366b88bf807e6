namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// limma's <c>lmFit</c> + <c>contrasts.fit</c> for a chunk of features: per feature the contrast estimates
/// and their unscaled standard deviations (row-major, feature × contrast; NaN where a group has no values),
/// the residual standard deviation, the residual degrees of freedom and the mean of the feature's values.
/// </summary>
public sealed record LinearFit(
    int FeatureCount,
    int ContrastCount,
    double[] Coefficients,
    double[] StdevUnscaled,
    double[] Sigma,
    double[] DfResidual,
    double[] AveExpr,
    string?[] Problems);
