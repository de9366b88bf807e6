using MathNet.Numerics.LinearAlgebra;

namespace Fractal.Domain.Statistics.Pca;

/// <summary>Principal component analysis as scikit-learn's <c>PCA(whiten=...)</c> with all components.</summary>
public static class PrincipalComponents
{
    /// <summary>
    /// Centres the columns and takes the thin singular value decomposition, so X_c = U S Vᵀ with
    /// k = min(n, p), through a Householder QR of the taller of X_c and X_cᵀ that keeps Q as its
    /// reflectors, and MathNet's SVD of the k × k triangle (LAPACK's route for a tall matrix). When
    /// n ≥ p: X_c = Q R, R = U_R S Vᵀ, and U S = Q (U_R S). When p &gt; n: X_cᵀ = Q R, Rᵀ = U S Wᵀ, and
    /// V = Q W. Q is applied, never formed.
    /// Explained variance is S²/(n - 1), its ratio S²/ΣS²; scores are U S (= X_c V), divided by the
    /// square root of the explained variance when <paramref name="whiten"/> is set.
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

        var (singular, directions, scores) = n >= p ? ThroughTriangle(values, n, p) : ThroughTranspose(values, n, p);
        var k = singular.Count;
        var variance = singular.Select(s => s * s / (n - 1)).ToArray();
        var loadings = new double[p * k];
        for (var component = 0; component < k; component++)
        {
            var scale = -Math.Sqrt(variance[component]);
            var direction = directions.AsSpan(component * p, p);
            var loading = loadings.AsSpan(component * p, p);
            for (var feature = 0; feature < p; feature++)
            {
                loading[feature] = direction[feature] * scale;
            }
        }

        var total = variance.Sum();
        var tolerance = k == 0 ? 0 : singular[0] * Math.Max(n, p) * (Math.BitIncrement(1.0) - 1.0);
        var degenerate = singular.Select(s => s <= tolerance).ToArray();
        if (whiten)
        {
            var scales = variance.Select((v, component) => degenerate[component] ? double.NaN : Math.Sqrt(v)).ToArray();
            scores.MapIndexedInplace((_, component, value) => value / scales[component]);
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
    /// The tall case: Householder QR X_c = Q R, SVD R = U_R S Vᵀ, scores Q (U_R S) with Q applied from
    /// its reflectors (as LAPACK's <c>dgesdd</c> forms U). Takes over <paramref name="centred"/>.
    /// </summary>
    private static (IReadOnlyList<double> Singular, double[] Directions, Matrix<double> Scores) ThroughTriangle(double[] centred, int n, int p)
    {
        var qr = HouseholderQr.Factor(centred, n, p);
        var svd = qr.Triangle().Svd(computeVectors: true);
        var directions = svd.VT.ToRowMajorArray();
        var signs = FixSigns(directions, p);
        return ([.. svd.S], directions, qr.MultiplyByQ(ScaleColumns(svd.U, svd.S, signs)));
    }

    /// <summary>
    /// The wide case (p &gt; n): Householder QR X_cᵀ = Q R, SVD Rᵀ = U S Wᵀ, so X_c = U S (Q W)ᵀ:
    /// directions Q W with Q applied from its reflectors, scores U S.
    /// </summary>
    private static (IReadOnlyList<double> Singular, double[] Directions, Matrix<double> Scores) ThroughTranspose(double[] centred, int n, int p)
    {
        var transposed = new double[centred.Length];
        for (var column = 0; column < p; column++)
        {
            for (var row = 0; row < n; row++)
            {
                transposed[(row * p) + column] = centred[(column * n) + row];
            }
        }

        var qr = HouseholderQr.Factor(transposed, p, n);
        var svd = qr.Triangle().Transpose().Svd(computeVectors: true);
        var directions = qr.MultiplyByQ(svd.VT.Transpose()).ToColumnMajorArray();
        var signs = FixSigns(directions, p);
        return ([.. svd.S], directions, ScaleColumns(svd.U, svd.S, signs));
    }

    /// <summary>The square <paramref name="matrix"/> with column c multiplied by factors[c] signs[c].</summary>
    private static Matrix<double> ScaleColumns(Matrix<double> matrix, Vector<double> factors, double[] signs)
    {
        var order = matrix.RowCount;
        var columns = matrix.ToColumnMajorArray();
        for (var column = 0; column < order; column++)
        {
            var factor = factors[column] * signs[column];
            foreach (ref var value in columns.AsSpan(column * order, order))
            {
                value *= factor;
            }
        }

        return Matrix<double>.Build.Dense(order, order, columns);
    }

    /// <summary>
    /// Flips each direction (a column of length <paramref name="p"/>) whose entry of largest magnitude
    /// (the first on a tie) is negative; returns the sign each was multiplied by.
    /// </summary>
    private static double[] FixSigns(double[] directions, int p)
    {
        var signs = new double[directions.Length / p];
        for (var component = 0; component < signs.Length; component++)
        {
            var direction = directions.AsSpan(component * p, p);
            var largest = direction[0];
            foreach (var value in direction)
            {
                largest = Math.Abs(value) > Math.Abs(largest) ? value : largest;
            }

            signs[component] = largest < 0 ? -1 : 1;
            if (largest < 0)
            {
                foreach (ref var value in direction)
                {
                    value = -value;
                }
            }
        }

        return signs;
    }
}
