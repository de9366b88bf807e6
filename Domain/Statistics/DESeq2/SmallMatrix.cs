namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>Dense p × p symmetric positive definite algebra for the few coefficients of a design, by Cholesky.</summary>
internal static class SmallMatrix
{
    /// <summary>The inverse of <paramref name="a"/>; NaN entries when it is not positive definite.</summary>
    public static double[,] Inverse(double[,] a)
    {
        var n = a.GetLength(0);
        var inverse = new double[n, n];
        var l = Cholesky(a);
        if (l is null)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    inverse[i, j] = double.NaN;
                }
            }

            return inverse;
        }

        var unit = new double[n];
        for (var c = 0; c < n; c++)
        {
            Array.Clear(unit);
            unit[c] = 1;
            var column = SolveFactored(l, unit);
            for (var r = 0; r < n; r++)
            {
                inverse[r, c] = column[r];
            }
        }

        return inverse;
    }

    /// <summary>The solution of a x = b; null when a is not positive definite.</summary>
    public static double[]? Solve(double[,] a, double[] b)
    {
        var l = Cholesky(a);
        return l is null ? null : SolveFactored(l, b);
    }

    /// <summary>log det(a); NaN when a is not positive definite.</summary>
    public static double LogDeterminant(double[,] a)
    {
        var l = Cholesky(a);
        if (l is null)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            sum += Math.Log(l[i, i]);
        }

        return 2 * sum;
    }

    /// <summary>a · b · a for symmetric a and b.</summary>
    public static double[,] Sandwich(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var ab = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    ab[i, j] += a[i, k] * b[k, j];
                }
            }
        }

        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    result[i, j] += ab[i, k] * a[k, j];
                }
            }
        }

        return result;
    }

    /// <summary>x′ a x.</summary>
    public static double QuadraticForm(double[,] a, double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == 0)
            {
                continue;
            }

            for (var j = 0; j < x.Length; j++)
            {
                sum += x[i] * a[i, j] * x[j];
            }
        }

        return sum;
    }

    private static double[,]? Cholesky(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }

        return l;
    }

    private static double[] SolveFactored(double[,] l, double[] b)
    {
        var n = b.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * y[k];
            }

            y[i] = sum / l[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * x[k];
            }

            x[i] = sum / l[i, i];
        }

        return x;
    }
}
