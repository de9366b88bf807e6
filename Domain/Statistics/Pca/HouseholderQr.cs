using MathNet.Numerics.LinearAlgebra;

namespace Fractal.Domain.Statistics.Pca;

/// <summary>
/// A Householder QR of a tall matrix that keeps Q as its reflectors, as LAPACK's <c>dgeqrf</c> does:
/// R is read off the triangle, and Q is applied to a matrix without being formed. Reflectors are
/// applied in panels, each target column taking a whole panel while the panel is in cache, and the
/// target columns are shared among threads. Each column sees the same operations in the same order
/// as in the unblocked algorithm (<c>dgeqr2</c>), so the panels change the speed, not the result.
/// </summary>
internal sealed class HouseholderQr
{
    /// <summary>Reflectors per panel: a panel of 5,000 rows stays in a 1 MB level-2 cache.</summary>
    private const int PanelWidth = 16;

    /// <summary>Below this many multiply-adds a panel is applied on one thread.</summary>
    private const long ParallelWork = 1L << 20;

    /// <summary>Column-major n × p: R on and above the diagonal, the reflectors' tails below it.</summary>
    private readonly double[] _factors;

    /// <summary>τ of each reflector H = I - τ v vᵀ (0 for the identity).</summary>
    private readonly double[] _taus;

    private readonly int _rows;

    private readonly int _columns;

    private HouseholderQr(double[] factors, double[] taus, int rows, int columns)
    {
        _factors = factors;
        _taus = taus;
        _rows = rows;
        _columns = columns;
    }

    /// <summary>
    /// Factors the n × p matrix (n ≥ p) held column-major in <paramref name="columns"/>, which it
    /// takes over and overwrites.
    /// </summary>
    public static HouseholderQr Factor(double[] columns, int rows, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (rows < columnCount || columns.Length != rows * columnCount)
        {
            throw new ArgumentException($"Expected a tall {rows} x {columnCount} matrix in column-major order.", nameof(columns));
        }

        var qr = new HouseholderQr(columns, new double[columnCount], rows, columnCount);
        qr.Decompose();
        return qr;
    }

    /// <summary>R: p × p, upper triangular.</summary>
    public Matrix<double> Triangle()
    {
        var triangle = new double[_columns * _columns];
        for (var column = 0; column < _columns; column++)
        {
            Array.Copy(_factors, column * _rows, triangle, column * _columns, column + 1);
        }

        return Matrix<double>.Build.Dense(_columns, _columns, triangle);
    }

    /// <summary>Q times <paramref name="top"/> (p × m) stacked on n - p zero rows: n × m.</summary>
    public Matrix<double> MultiplyByQ(Matrix<double> top)
    {
        ArgumentNullException.ThrowIfNull(top);
        if (top.RowCount != _columns)
        {
            throw new ArgumentException($"Expected {_columns} rows, got {top.RowCount}.", nameof(top));
        }

        var width = top.ColumnCount;
        var product = new double[_rows * width];
        var source = top.ToColumnMajorArray();
        for (var column = 0; column < width; column++)
        {
            Array.Copy(source, column * _columns, product, column * _rows, _columns);
        }

        for (var end = _columns; end > 0; end -= PanelWidth)
        {
            ApplyPanel(Math.Max(end - PanelWidth, 0), end, product, 0, width, backwards: true);
        }

        return Matrix<double>.Build.Dense(_rows, width, product);
    }

    /// <summary>Turns the columns into reflectors and R, a panel at a time.</summary>
    private void Decompose()
    {
        for (var start = 0; start < _columns; start += PanelWidth)
        {
            var end = Math.Min(start + PanelWidth, _columns);
            for (var reflector = start; reflector < end; reflector++)
            {
                _taus[reflector] = Reflect(reflector);
                for (var column = reflector + 1; column < end; column++)
                {
                    Apply(reflector, _factors, column);
                }
            }

            ApplyPanel(start, end, _factors, end, _columns, backwards: false);
        }
    }

    /// <summary>
    /// Applies reflectors [<paramref name="start"/>, <paramref name="end"/>), in order or backwards, to
    /// columns [<paramref name="first"/>, <paramref name="last"/>) of an n-row column-major <paramref name="target"/>.
    /// </summary>
    private void ApplyPanel(int start, int end, double[] target, int first, int last, bool backwards)
    {
        void ApplyToColumn(int column)
        {
            for (var step = 0; step < end - start; step++)
            {
                Apply(backwards ? end - 1 - step : start + step, target, column);
            }
        }

        var work = (long)(_rows - start) * (last - first) * (end - start);
        if (work < ParallelWork)
        {
            for (var column = first; column < last; column++)
            {
                ApplyToColumn(column);
            }
        }
        else
        {
            Parallel.For(first, last, ApplyToColumn);
        }
    }

    /// <summary>
    /// Turns column <paramref name="index"/> into a reflector H = I - τ v vᵀ with v = (1, v₁, ...) that
    /// maps it onto β e₁: β goes on the diagonal, v₁... below it, and τ is returned (0 when the column
    /// is already zero below the diagonal).
    /// </summary>
    private double Reflect(int index)
    {
        var x = _factors.AsSpan((index * _rows) + index, _rows - index);
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

    /// <summary>Applies reflector <paramref name="reflector"/> to column <paramref name="column"/> of an n-row <paramref name="target"/>.</summary>
    private void Apply(int reflector, double[] target, int column)
    {
        var tau = _taus[reflector];
        if (tau == 0)
        {
            return;
        }

        var length = _rows - reflector - 1;
        var v = new ReadOnlySpan<double>(_factors, (reflector * _rows) + reflector + 1, length);
        var y = target.AsSpan((column * _rows) + reflector, length + 1);
        var s = tau * (y[0] + SpanArithmetic.Dot(v, y[1..]));
        y[0] -= s;
        SpanArithmetic.SubtractScaled(y[1..], s, v);
    }
}
