using MathNet.Numerics.LinearAlgebra;

namespace Fractal.Domain.Statistics.Pca;

/// <summary>
/// A principal component analysis of n rows and p columns, with k = min(n, p) components:
/// <see cref="Scores"/> (n × k, whitened when asked), <see cref="Loadings"/> (p × k, Fractalis'
/// <c>-components · sqrt(explained variance)</c>), the explained variance and its ratio per component,
/// and which components are degenerate (zero variance up to rounding; their whitened scores are NaN).
/// </summary>
public sealed record PcaFit(
    Matrix<double> Scores,
    Matrix<double> Loadings,
    IReadOnlyList<double> ExplainedVariance,
    IReadOnlyList<double> VarianceRatios,
    IReadOnlyList<bool> Degenerate);
