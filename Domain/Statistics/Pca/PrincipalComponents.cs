using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Fractal.Domain.Statistics.Pca;

/// <summary>Principal component analysis as scikit-learn's <c>PCA(whiten=...)</c> with all components.</summary>
public static class PrincipalComponents
{
    /// <summary>
    /// Centres the columns and takes the thin singular value decomposition, so X_c = U S Vᵀ with
    /// k = min(n, p): when n ≥ p through the triangle R of a Householder QR of X_c (Q is never formed)
    /// and MathNet's SVD of R, whose right singular vectors are X_c's; when p &gt; n through MathNet's
    /// thin QR of X_cᵀ = Q R and the SVD of Rᵀ, with V = Q times its right singular vectors.
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

        var values = data.ToColumnMajorArray();
        for (var column = 0; column < p; column++)
        {
            if (!TryCentre(values.AsSpan(column * n, n)))
            {
                throw new ArgumentException("Every value must be finite; impute missing values first.", nameof(data));
            }
        }

        var centred = Matrix<double>.Build.Dense(n, p, values);
        var (singular, directions) = ThinSvd(centred);
        var k = singular.Count;
        var variance = singular.Select(s => s * s / (n - 1)).ToArray();
        var loadings = new double[p * k];
        for (var component = 0; component < k; component++)
        {
            var direction = directions.AsSpan(component * p, p);
            var largest = direction[0];
            foreach (var value in direction)
            {
                largest = Math.Abs(value) > Math.Abs(largest) ? value : largest;
            }

            if (largest < 0)
            {
                foreach (ref var value in direction)
                {
                    value = -value;
                }
            }

            var scale = -Math.Sqrt(variance[component]);
            var loading = loadings.AsSpan(component * p, p);
            for (var feature = 0; feature < p; feature++)
            {
                loading[feature] = direction[feature] * scale;
            }
        }

        var scores = centred * Matrix<double>.Build.Dense(p, k, directions);
        var total = variance.Sum();
        var tolerance = k == 0 ? 0 : singular[0] * Math.Max(n, p) * (Math.BitIncrement(1.0) - 1.0);
        var degenerate = singular.Select(s => s <= tolerance).ToArray();
        if (whiten)
        {
            var columns = scores.AsColumnMajorArray();
            for (var component = 0; component < k; component++)
            {
                var scale = degenerate[component] ? double.NaN : Math.Sqrt(variance[component]);
                foreach (ref var value in columns.AsSpan(component * n, n))
                {
                    value /= scale;
                }
            }
        }

        return new PcaFit(scores, Matrix<double>.Build.Dense(p, k, loadings), variance, [.. variance.Select(v => v / total)], degenerate);
    }

    /// <summary>
    /// Subtracts the mean from a column (a second pass corrects the rounding of the first), or returns
    /// false, leaving it as it is, when a value is not finite.
    /// </summary>
    private static bool TryCentre(Span<double> column)
    {
        var sum = 0.0;
        foreach (var value in column)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }

            sum += value;
        }

        var mean = sum / column.Length;
        var residual = 0.0;
        foreach (var value in column)
        {
            residual += value - mean;
        }

        mean += residual / column.Length;
        foreach (ref var value in column)
        {
            value -= mean;
        }

        return true;
    }

    /// <summary>
    /// The singular values (descending) of <paramref name="centred"/> and its right singular vectors
    /// (p × k, column-major).
    /// </summary>
    private static (IReadOnlyList<double> Singular, double[] Directions) ThinSvd(Matrix<double> centred)
    {
        var (n, p) = (centred.RowCount, centred.ColumnCount);
        if (n >= p)
        {
            var triangle = HouseholderTriangle.Factor(centred.ToColumnMajorArray(), n, p);
            var svd = triangle.Svd(computeVectors: true);
            return ([.. svd.S], svd.VT.ToRowMajorArray());
        }

        var qr = centred.Transpose().QR(QRMethod.Thin);
        var small = qr.R.Transpose().Svd(computeVectors: true);
        return ([.. small.S], (qr.Q * small.VT.Transpose()).ToColumnMajorArray());
    }
}
