namespace Fractal.Domain.Statistics.Smoothing;

/// <summary>
/// Cleveland's robust locally weighted linear smoother, computed as R's
/// <c>stats::lowess(x, y, f, iter, delta)</c> computes it: tricube neighbourhood weights over the
/// <c>max(2, min(n, (int)(f·n + 1e-7)))</c> nearest points, a weighted straight line (a weighted mean where
/// the points are too bunched up), <c>iter</c> robustness passes with bisquare weights on six times the
/// median absolute residual (stopping early once that is below 1e-7 times the mean absolute residual), and
/// fits skipped within <c>delta</c> of the last fitted x, filled in by linear interpolation.
/// </summary>
public static class Lowess
{
    /// <summary>
    /// The fitted y, ordered as the x values sorted ascending with ties kept in input order (R's
    /// <c>lowess(x, y, f, iter, delta)$y</c>); <see cref="Fit"/> also returns that sorted x.
    /// </summary>
    /// <param name="x">The predictor values; finite.</param>
    /// <param name="y">The responses, one per x; finite.</param>
    /// <param name="f">The span: the share of points that influence each fitted value; finite and positive.</param>
    /// <param name="iterations">The number of robustness passes; zero or more.</param>
    /// <param name="delta">Points within this distance of the last fitted x are interpolated rather than fitted; by default R's 0.01 times the range of x.</param>
    public static double[] Smooth(IReadOnlyList<double> x, IReadOnlyList<double> y, double f = 2.0 / 3, int iterations = 3, double? delta = null) =>
        Fit(x, y, f, iterations, delta).Y;

    /// <summary>
    /// The sorted x (ascending, a stable sort: tied x keep their input order) and the fitted y at each,
    /// as R's <c>lowess(x, y, f, iter, delta)</c> returns them. The arguments are those of <see cref="Smooth"/>.
    /// </summary>
    /// <param name="x">The predictor values; finite.</param>
    /// <param name="y">The responses, one per x; finite.</param>
    /// <param name="f">The span: the share of points that influence each fitted value; finite and positive.</param>
    /// <param name="iterations">The number of robustness passes; zero or more.</param>
    /// <param name="delta">Points within this distance of the last fitted x are interpolated rather than fitted; by default R's 0.01 times the range of x.</param>
    public static LowessFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, double f = 2.0 / 3, int iterations = 3, double? delta = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        }

        if (x.Count == 0)
        {
            throw new ArgumentException("lowess needs at least one point.", nameof(x));
        }

        if (!double.IsFinite(f) || f <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(f), f, "The span must be finite and positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        RequireFinite(x, nameof(x));
        RequireFinite(y, nameof(y));

        var n = x.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // R's order() is stable: ties in x keep their input order.
        Array.Sort(order, (a, b) =>
        {
            var byX = x[a].CompareTo(x[b]);
            return byX != 0 ? byX : a.CompareTo(b);
        });
        var sortedX = new double[n];
        var sortedY = new double[n];
        for (var i = 0; i < n; i++)
        {
            sortedX[i] = x[order[i]];
            sortedY[i] = y[order[i]];
        }

        var step = delta ?? 0.01 * (sortedX[n - 1] - sortedX[0]);
        if (!double.IsFinite(step) || step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be finite and not negative.");
        }

        return new LowessFit(sortedX, SmoothSorted(sortedX, sortedY, f, iterations, step));
    }

    private static void RequireFinite(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is {values[i]}; lowess needs finite values.", name);
            }
        }
    }

    /// <summary>The smoother proper, on x sorted ascending; indices are zero-based.</summary>
    private static double[] SmoothSorted(double[] x, double[] y, double f, int iterations, double delta)
    {
        var n = x.Length;
        var fitted = new double[n];
        if (n < 2)
        {
            fitted[0] = y[0];
            return fitted;
        }

        // Neighbourhood size: at least two points, at most all; the tiny offset guards f·n just below an integer.
        var span = Math.Max(2, (int)Math.Min(n, (f * n) + 1e-7));
        var weights = new double[n];
        var robustness = new double[n];
        var residuals = new double[n];

        for (var pass = 0; pass <= iterations; pass++)
        {
            FitPass(x, y, span, delta, pass > 0, robustness, weights, fitted);

            var scale = 0.0;
            for (var i = 0; i < n; i++)
            {
                residuals[i] = y[i] - fitted[i];
                scale += Math.Abs(residuals[i]);
            }

            scale /= n;
            if (pass == iterations)
            {
                break;
            }

            var cmad = SixMedianAbsolute(residuals, robustness);
            if (cmad < 1e-7 * scale)
            {
                // The residuals are effectively zero: further passes would change nothing.
                break;
            }

            var upper = 0.999 * cmad;
            var lower = 0.001 * cmad;
            for (var i = 0; i < n; i++)
            {
                var r = Math.Abs(residuals[i]);
                robustness[i] = r <= lower ? 1.0 : r <= upper ? Square(1.0 - Square(r / cmad)) : 0.0;
            }
        }

        return fitted;
    }

    /// <summary>One pass over the points: fit where needed, interpolate the points skipped within delta, copy tied x.</summary>
    private static void FitPass(double[] x, double[] y, int span, double delta, bool robust, double[] robustness, double[] weights, double[] fitted)
    {
        var n = x.Length;
        var left = 0;
        var right = span - 1;
        var last = -1;
        var i = 0;
        while (true)
        {
            if (right < n - 1)
            {
                // Slide the window right while that makes the radius around x[i] smaller.
                var toLeft = x[i] - x[left];
                var toNext = x[right + 1] - x[i];
                if (toLeft > toNext)
                {
                    left++;
                    right++;
                    continue;
                }
            }

            if (!LocalFit(x, y, x[i], left, right, weights, robust, robustness, out fitted[i]))
            {
                // Every weight is zero: keep the observation.
                fitted[i] = y[i];
            }

            if (last < i - 1)
            {
                var width = x[i] - x[last];
                for (var j = last + 1; j < i; j++)
                {
                    var share = (x[j] - x[last]) / width;
                    fitted[j] = (share * fitted[i]) + ((1.0 - share) * fitted[last]);
                }
            }

            last = i;
            var cut = x[last] + delta;
            for (i = last + 1; i < n; i++)
            {
                if (x[i] > cut)
                {
                    break;
                }

                if (x[i] == x[last])
                {
                    fitted[i] = fitted[last];
                    last = i;
                }
            }

            i = Math.Max(last + 1, i - 1);
            if (last >= n - 1)
            {
                break;
            }
        }
    }

    /// <summary>
    /// The weighted straight-line fit at <paramref name="at"/> over the window from <paramref name="left"/>, taking in
    /// points tied at the window's right edge; false when all weights are zero.
    /// </summary>
    private static bool LocalFit(double[] x, double[] y, double at, int left, int right, double[] weights, bool robust, double[] robustness, out double value)
    {
        var n = x.Length;
        var range = x[n - 1] - x[0];
        var radius = Math.Max(at - x[left], x[right] - at);
        var outer = 0.999 * radius;
        var inner = 0.001 * radius;

        var total = 0.0;
        var j = left;
        while (j < n)
        {
            weights[j] = 0.0;
            var r = Math.Abs(x[j] - at);
            if (r <= outer)
            {
                weights[j] = r <= inner ? 1.0 : Cube(1.0 - Cube(r / radius));
                if (robust)
                {
                    weights[j] *= robustness[j];
                }

                total += weights[j];
            }
            else if (x[j] > at)
            {
                break;
            }

            j++;
        }

        var end = j - 1;
        if (total <= 0.0)
        {
            value = 0.0;
            return false;
        }

        for (j = left; j <= end; j++)
        {
            weights[j] /= total;
        }

        if (radius > 0.0)
        {
            var center = 0.0;
            for (j = left; j <= end; j++)
            {
                center += weights[j] * x[j];
            }

            var slope = at - center;
            var spread = 0.0;
            for (j = left; j <= end; j++)
            {
                spread += weights[j] * Square(x[j] - center);
            }

            // Only when the points are spread out enough to estimate a slope.
            if (Math.Sqrt(spread) > 0.001 * range)
            {
                slope /= spread;
                for (j = left; j <= end; j++)
                {
                    weights[j] *= (slope * (x[j] - center)) + 1.0;
                }
            }
        }

        value = 0.0;
        for (j = left; j <= end; j++)
        {
            value += weights[j] * y[j];
        }

        return true;
    }

    /// <summary>Six times the median of |residuals|, using <paramref name="scratch"/> as work space.</summary>
    private static double SixMedianAbsolute(double[] residuals, double[] scratch)
    {
        var n = residuals.Length;
        for (var i = 0; i < n; i++)
        {
            scratch[i] = Math.Abs(residuals[i]);
        }

        Array.Sort(scratch);
        var middle = n / 2;
        return n % 2 == 0 ? 3.0 * (scratch[middle] + scratch[n - middle - 1]) : 6.0 * scratch[middle];
    }

    private static double Square(double value) => value * value;

    private static double Cube(double value) => value * value * value;
}
