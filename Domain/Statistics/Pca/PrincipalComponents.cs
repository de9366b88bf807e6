using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Fractal.Domain.Statistics.Pca;

/// <summary>Principal component analysis as scikit-learn's <c>PCA(whiten=...)</c> with all components.</summary>
public static class PrincipalComponents
{
    /// <summary>
    /// Centres the columns and takes the thin singular value decomposition (through a thin QR of the
    /// taller side, then MathNet's SVD of the small triangle), so X_c = U S Vᵀ with k = min(n, p).
    /// Explained variance is S²/(n - 1), its ratio S²/ΣS²; scores are X_c V, divided by the square root
    /// of the explained variance when <paramref name="whiten"/> is set.
    /// <para>
    /// Sign rule: an SVD fixes each component only up to sign, so each column of V is flipped to make
    /// its entry of largest magnitude (the first such entry on a tie) positive, and its scores with it.
    /// This is scikit-learn's rule from 1.5 on (<c>svd_flip(..., u_based_decision=False)</c>); earlier
    /// versions made the largest-magnitude <em>score</em> of each component positive instead, so their
    /// components can differ from these by sign only. With the minus sign in Fractalis' loadings, the
    /// largest-magnitude loading of each component is negative.
    /// </para>
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two rows, no column, or a value that is not finite.</exception>
    public static PcaFit Fit(Matrix<double> data, bool whiten)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (n, p) = (data.RowCount, data.ColumnCount);
        if (n < 2 || p < 1)
        {
            throw new ArgumentException($"A PCA needs at least 2 rows and 1 column; the data is {n} x {p}.", nameof(data));
        }

        if (data.Enumerate().Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException("Every value must be finite; impute missing values first.", nameof(data));
        }

        var centred = data.Clone();
        for (var column = 0; column < p; column++)
        {
            var mean = centred.Column(column).Average();
            for (var row = 0; row < n; row++)
            {
                centred[row, column] -= mean;
            }
        }

        var (singular, directions) = ThinSvd(centred);
        var k = singular.Count;
        for (var component = 0; component < k; component++)
        {
            var column = directions.Column(component);
            var largest = column.AbsoluteMaximumIndex();
            if (column[largest] < 0)
            {
                directions.SetColumn(component, column.Negate());
            }
        }

        var scores = centred * directions;
        var variance = singular.Select(s => s * s / (n - 1)).ToArray();
        var total = variance.Sum();
        var tolerance = singular.Count == 0 ? 0 : singular[0] * Math.Max(n, p) * (Math.BitIncrement(1.0) - 1.0);
        var degenerate = singular.Select(s => s <= tolerance).ToArray();
        var loadings = Matrix<double>.Build.Dense(p, k, (row, component) => -directions[row, component] * Math.Sqrt(variance[component]));
        if (whiten)
        {
            for (var component = 0; component < k; component++)
            {
                var scale = degenerate[component] ? double.NaN : Math.Sqrt(variance[component]);
                scores.SetColumn(component, scores.Column(component) / scale);
            }
        }

        return new PcaFit(scores, loadings, variance, [.. variance.Select(v => v / total)], degenerate);
    }

    /// <summary>The singular values (descending) and right singular vectors (p × k) of <paramref name="centred"/>.</summary>
    private static (IReadOnlyList<double> Singular, Matrix<double> Directions) ThinSvd(Matrix<double> centred)
    {
        if (centred.RowCount >= centred.ColumnCount)
        {
            var triangle = centred.QR(QRMethod.Thin).R;
            var svd = triangle.Svd(computeVectors: true);
            return ([.. svd.S], svd.VT.Transpose());
        }

        var qr = centred.Transpose().QR(QRMethod.Thin);
        var small = qr.R.Transpose().Svd(computeVectors: true);
        return ([.. small.S], qr.Q * small.VT.Transpose());
    }
}
