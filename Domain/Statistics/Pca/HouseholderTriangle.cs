using MathNet.Numerics.LinearAlgebra;

namespace Fractal.Domain.Statistics.Pca;

/// <summary>
/// The triangle R of a Householder QR of a tall matrix, without forming Q: the reflectors are
/// applied in panels, each trailing column taking a whole panel's reflectors while it is in cache,
/// and the trailing columns are shared among threads. Each column sees the same operations in the
/// same order as in the unblocked algorithm, so R is the same as LAPACK's <c>dgeqr2</c> up to rounding.
/// </summary>
internal static class HouseholderTriangle
{
    /// <summary>Reflectors per panel: a panel of 5,000 rows stays in a 1 MB level-2 cache.</summary>
    private const int PanelWidth = 16;

    /// <summary>Below this many multiply-adds a panel's trailing update runs on one thread.</summary>
    private const long ParallelWork = 1L << 20;

    /// <summary>
    /// R (p × p, upper triangular) of the n × p matrix held column-major in <paramref name="columns"/>,
    /// which it overwrites with the reflectors; n ≥ p.
    /// </summary>
    public static Matrix<double> Factor(double[] columns, int rows, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (rows < columnCount || columns.Length != rows * columnCount)
        {
            throw new ArgumentException($"Expected a tall {rows} x {columnCount} matrix in column-major order.", nameof(columns));
        }

        var taus = new double[columnCount];
        for (var start = 0; start < columnCount; start += PanelWidth)
        {
            var end = Math.Min(start + PanelWidth, columnCount);
            for (var reflector = start; reflector < end; reflector++)
            {
                taus[reflector] = Reflect(columns, rows, reflector);
                for (var column = reflector + 1; column < end; column++)
                {
                    Apply(columns, rows, reflector, taus[reflector], column);
                }
            }

            UpdateTrailing(columns, rows, columnCount, start, end, taus);
        }

        var triangle = new double[columnCount * columnCount];
        for (var column = 0; column < columnCount; column++)
        {
            Array.Copy(columns, column * rows, triangle, column * columnCount, column + 1);
        }

        return Matrix<double>.Build.Dense(columnCount, columnCount, triangle);
    }

    /// <summary>Applies the panel's reflectors [<paramref name="start"/>, <paramref name="end"/>) to every column after it.</summary>
    private static void UpdateTrailing(double[] columns, int rows, int columnCount, int start, int end, double[] taus)
    {
        void UpdateColumn(int column)
        {
            for (var reflector = start; reflector < end; reflector++)
            {
                Apply(columns, rows, reflector, taus[reflector], column);
            }
        }

        var work = (long)(rows - start) * (columnCount - end) * (end - start);
        if (work < ParallelWork)
        {
            for (var column = end; column < columnCount; column++)
            {
                UpdateColumn(column);
            }
        }
        else
        {
            Parallel.For(end, columnCount, UpdateColumn);
        }
    }

    /// <summary>
    /// Turns column <paramref name="index"/> into a reflector H = I - τ v vᵀ with v = (1, v₁, ...) that
    /// maps it onto β e₁: β goes on the diagonal, v₁... below it, and τ is returned (0 when the column
    /// is already zero below the diagonal).
    /// </summary>
    private static double Reflect(double[] columns, int rows, int index)
    {
        var x = columns.AsSpan((index * rows) + index, rows - index);
        var below = x[1..];
        var largest = 0.0;
        foreach (var value in below)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        if (largest == 0)
        {
            return 0;
        }

        var alpha = x[0];
        largest = Math.Max(largest, Math.Abs(alpha));
        var sumOfSquares = 0.0;
        foreach (var value in x)
        {
            var scaled = value / largest;
            sumOfSquares += scaled * scaled;
        }

        var norm = largest * Math.Sqrt(sumOfSquares);
        var beta = alpha >= 0 ? -norm : norm;
        var divisor = 1 / (alpha - beta);
        foreach (ref var value in below)
        {
            value *= divisor;
        }

        x[0] = beta;
        return (beta - alpha) / beta;
    }

    /// <summary>Applies reflector <paramref name="reflector"/> (scale <paramref name="tau"/>) to column <paramref name="column"/>.</summary>
    private static void Apply(double[] columns, int rows, int reflector, double tau, int column)
    {
        if (tau == 0)
        {
            return;
        }

        var length = rows - reflector - 1;
        var v = new ReadOnlySpan<double>(columns, (reflector * rows) + reflector + 1, length);
        var y = columns.AsSpan((column * rows) + reflector, length + 1);
        var s = tau * (y[0] + SpanArithmetic.Dot(v, y[1..]));
        y[0] -= s;
        SpanArithmetic.SubtractScaled(y[1..], s, v);
    }
}
