using Fractal.Domain.Statistics.Limma;
using MathNet.Numerics;

namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2's prior variance of the log dispersions (<c>estimateDispersionsPriorVar</c>, 1.38), the width of the
/// normal prior the MAP dispersion step shrinks each gene's log dispersion with.
/// </summary>
/// <remarks>
/// <para>
/// With more than 3 residual degrees of freedom it is the squared MAD of the residuals less the sampling
/// variance of a log dispersion estimate, trigamma((m − p) / 2), as in R.
/// </para>
/// <para>
/// With 3 or fewer DESeq2 fits it by simulation: for 200 candidate variances x in [0, 8] it draws 10,000
/// values of log(χ²ₖ / k) + N(0, x) (k = m − p), histograms them like the residuals (bins of 0.5 on
/// (−10, 10)), scores each x by the Kullback–Leibler divergence of the residual histogram from the simulated
/// one, smooths the 200 scores with <c>loess(span = 0.2)</c> and takes the minimum on a 1,000-point grid.
/// R's random stream cannot be reproduced, so this class computes the same estimator without the noise:
/// each simulated bin density is replaced by its exact value, the probability of the bin under
/// log(χ²ₖ / k) + N(0, x) conditioned on (−10, 10) (R drops draws outside), divided by the bin width. The
/// constant that keeps the logarithms finite is, as in R, the least positive density of either histogram;
/// the least positive density of a 10,000-draw histogram is one draw, so that resolution stands for the
/// simulated side (the exact probabilities of far tail bins are far smaller than anything a simulation can
/// show, and letting them set the constant would change the estimator). The 200 scores are smoothed with
/// the loess R uses, including its k-d tree interpolation, since the minimum of the flat divergence curve
/// moves with the smoother by more than R's own Monte Carlo spread.
/// </para>
/// </remarks>
public static class DispersionPriorVariance
{
    /// <summary>The floor DESeq2 puts under the prior variance.</summary>
    public const double Minimum = 0.25;

    // At or below this many residual degrees of freedom DESeq2 fits the prior to the residual histogram.
    private const int HistogramFitMaxDegreesOfFreedom = 3;

    // R's mad(): the consistency constant for the normal distribution.
    private const double MadConstant = 1.4826;

    // DESeq2's histogram: breaks -10, -9.5, ..., 10; values outside (-10, 10) are dropped first.
    private const double HistogramLimit = 10.0;
    private const double BinWidth = 0.5;
    private const int BinCount = 40;

    // R's hist() moves the breaks by 1e-7 of the bin width: the first down, the others up.
    private const double BreakFuzz = 1e-7 * BinWidth;

    // DESeq2's simulation size; one draw sets the least positive density a simulated histogram can have.
    private const int SimulatedDraws = 10_000;

    // DESeq2's grids of candidate variances: 200 scored, 1,000 searched after smoothing, both on [0, 8].
    private const int GridSize = 200;
    private const int FineGridSize = 1000;
    private const double GridMax = 8.0;

    // loess(span = 0.2) with R's defaults: local quadratics, tricube weights, k-d tree cells of span * 0.2.
    private const double LoessSpan = 0.2;
    private const double LoessCell = 0.2;

    // The convolution with N(0, x) is a trapezoid rule in the standard normal variable z on |z| <= 8.5
    // (the density beyond is below 2e-16). The distribution function of log(χ²ₖ / k) is analytic and bounded
    // in the strip |Im u| < π/2, so the rule's error falls like exp(-π² / (σ h)); σ h = 0.35 makes it ~1e-12.
    private const double NodeRange = 8.5;
    private const double NodeSpacingTimesSd = 0.35;
    private const double MaxNodeSpacing = 0.5;

    /// <summary>
    /// DESeq2's <c>dispPriorVar</c> from the residuals log(dispGeneEst) − log(dispFit) of the genes DESeq2 uses
    /// (not all zero, dispGeneEst ≥ 100 · minDisp; the caller filters) and the residual degrees of freedom
    /// m − p (samples minus model coefficients).
    /// </summary>
    /// <returns>
    /// For m − p &gt; 3, max(mad(residuals)² − trigamma((m − p) / 2), 0.25) exactly as R computes it; for
    /// m − p ≤ 3 the deterministic form of DESeq2's histogram fit (see the remarks on the class), at least 0.25.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// No residuals, a residual that is not finite, or (for m − p ≤ 3) no residual inside (−10, 10), where R fails.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="residualDegreesOfFreedom"/> is not positive.</exception>
    public static double Estimate(IReadOnlyList<double> logDispersionResiduals, int residualDegreesOfFreedom)
    {
        ArgumentNullException.ThrowIfNull(logDispersionResiduals);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(residualDegreesOfFreedom);
        if (logDispersionResiduals.Count == 0)
        {
            throw new ArgumentException("The prior variance needs at least one dispersion residual.", nameof(logDispersionResiduals));
        }

        for (var i = 0; i < logDispersionResiduals.Count; i++)
        {
            if (!double.IsFinite(logDispersionResiduals[i]))
            {
                throw new ArgumentException($"Dispersion residual {i} is not finite.", nameof(logDispersionResiduals));
            }
        }

        if (residualDegreesOfFreedom > HistogramFitMaxDegreesOfFreedom)
        {
            return Math.Max(VarianceOfLogDispersions(logDispersionResiduals) - Polygamma.Trigamma(residualDegreesOfFreedom / 2.0), Minimum);
        }

        var grid = Grid(GridSize);
        var divergences = Divergences(logDispersionResiduals, residualDegreesOfFreedom, grid);
        var fine = Grid(FineGridSize);
        var smoothed = Loess(grid, divergences, fine);
        var best = 0;
        for (var i = 1; i < smoothed.Length; i++)
        {
            if (smoothed[i] < smoothed[best])
            {
                best = i;
            }
        }

        return Math.Max(fine[best], Minimum);
    }

    /// <summary>
    /// The Kullback–Leibler divergence DESeq2 scores each candidate variance with, from the residual histogram
    /// to the exact histogram of log(χ²ₖ / k) + N(0, x) (see the remarks on the class).
    /// </summary>
    internal static double[] Divergences(IReadOnlyList<double> residuals, int degreesOfFreedom, IReadOnlyList<double> variances)
    {
        var edges = FuzzyEdges();
        var observed = ObservedDensities(residuals, edges);
        var observedFloor = double.PositiveInfinity;
        foreach (var density in observed)
        {
            if (density > 0)
            {
                observedFloor = Math.Min(observedFloor, density);
            }
        }

        // The simulated values are truncated to (-10, 10) before binning, so the outer edges are the limits.
        edges[0] = -HistogramLimit;
        edges[BinCount] = HistogramLimit;
        var logChiSquare = new ScaledLogChiSquare(degreesOfFreedom);
        var cumulative = new double[BinCount + 1];
        var result = new double[variances.Count];
        for (var v = 0; v < variances.Count; v++)
        {
            logChiSquare.ConvolvedCdf(variances[v], edges, cumulative);
            var kept = cumulative[BinCount] - cumulative[0];
            var small = Math.Min(observedFloor, 1.0 / (BinWidth * SimulatedDraws * kept));
            var divergence = 0.0;
            for (var b = 0; b < BinCount; b++)
            {
                if (observed[b] > 0)
                {
                    var expected = Math.Max(cumulative[b + 1] - cumulative[b], 0) / kept / BinWidth;
                    divergence += observed[b] * (Math.Log(observed[b] + small) - Math.Log(expected + small));
                }
            }

            result[v] = divergence;
        }

        return result;
    }

    /// <summary>
    /// R's <c>predict(loess(y ~ x, span = 0.2), at)</c> for one predictor: local quadratic fits with tricube
    /// weights over the nearest 20% of the points, computed at the vertices of R's k-d tree and joined by cubic
    /// Hermite interpolation. <paramref name="x"/> must be ascending and distinct, and <paramref name="at"/> within
    /// its range.
    /// </summary>
    internal static double[] Loess(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> at)
    {
        var n = x.Count;
        var neighbours = Math.Min(n, (int)Math.Floor(n * LoessSpan));
        var cellSize = (int)Math.Floor(n * (LoessSpan * LoessCell));

        // The bounding box widened by 0.5% each way, then cells split at their median point until small enough.
        var margin = 0.005 * Math.Max(x[n - 1] - x[0], (1e-10 * Math.Max(Math.Abs(x[0]), Math.Abs(x[n - 1]))) + 1e-30);
        var vertices = new List<double> { x[0] - margin, x[n - 1] + margin };
        SplitCell(x, 0, n - 1, vertices[0], vertices[1], cellSize, vertices);
        vertices.Sort();

        var values = new double[vertices.Count];
        var slopes = new double[vertices.Count];
        for (var i = 0; i < vertices.Count; i++)
        {
            (values[i], slopes[i]) = LocalQuadratic(x, y, vertices[i], neighbours);
        }

        var result = new double[at.Count];
        for (var i = 0; i < at.Count; i++)
        {
            var z = at[i];
            var right = 1;
            while (right < vertices.Count - 1 && z > vertices[right])
            {
                right++;
            }

            var left = right - 1;
            var width = vertices[right] - vertices[left];
            var h = (z - vertices[left]) / width;
            var phi0 = (1 - h) * (1 - h) * (1 + (2 * h));
            var phi1 = h * h * (3 - (2 * h));
            var psi0 = h * (1 - h) * (1 - h);
            var psi1 = h * h * (h - 1);
            result[i] = (phi0 * values[left]) + (phi1 * values[right]) + (((psi0 * slopes[left]) + (psi1 * slopes[right])) * width);
        }

        return result;
    }

    // R's loess k-d tree in one dimension: a cell holding more than cellSize points is split at the value of its
    // ((l + u) / 2)-th point (1-based, integer division); the left child keeps the points up to it.
    private static void SplitCell(IReadOnlyList<double> x, int lower, int upper, double from, double to, int cellSize, List<double> vertices)
    {
        if (upper - lower + 1 <= cellSize)
        {
            return;
        }

        var middle = ((lower + upper + 2) / 2) - 1;
        var split = x[middle];
        if (split == from || split == to)
        {
            return;
        }

        vertices.Add(split);
        SplitCell(x, lower, middle, from, split, cellSize, vertices);
        SplitCell(x, middle + 1, upper, split, to, cellSize, vertices);
    }

    // The weighted least-squares quadratic about q over the nearest points, tricube weights on the distance
    // scaled by that of the farthest of them: its value and slope at q.
    private static (double Value, double Slope) LocalQuadratic(IReadOnlyList<double> x, IReadOnlyList<double> y, double q, int neighbours)
    {
        var squared = new double[x.Count];
        for (var i = 0; i < x.Count; i++)
        {
            var d = x[i] - q;
            squared[i] = d * d;
        }

        var sorted = (double[])squared.Clone();
        Array.Sort(sorted);
        var radiusSquared = sorted[neighbours - 1];
        var radius = Math.Sqrt(radiusSquared);

        // Normal equations in t = (x - q) / radius, so the three columns are of like size.
        var normal = new double[3, 3];
        var right = new double[3];
        var row = new double[3];
        for (var i = 0; i < x.Count; i++)
        {
            if (squared[i] >= radiusSquared)
            {
                continue;
            }

            var r = Math.Sqrt(squared[i] / radiusSquared);
            var c = 1 - (r * r * r);
            var w = c * c * c;
            var t = (x[i] - q) / radius;
            row[0] = 1.0;
            row[1] = t;
            row[2] = t * t;
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 3; k++)
                {
                    normal[j, k] += w * row[j] * row[k];
                }

                right[j] += w * row[j] * y[i];
            }
        }

        var coefficients = SmallMatrix.Solve(normal, right)
            ?? throw new InvalidOperationException("A local quadratic of the prior variance's loess has fewer than three distinct points.");
        return (coefficients[0], coefficients[1] / radius);
    }

    /// <summary>
    /// DESeq2's <c>varLogDispEsts</c>: the squared scaled median absolute deviation of the residuals,
    /// (1.4826 · median(|x − median(x)|))², which also bounds the dispersion outliers.
    /// </summary>
    public static double VarianceOfLogDispersions(IReadOnlyList<double> logDispersionResiduals)
    {
        ArgumentNullException.ThrowIfNull(logDispersionResiduals);
        var mad = MadConstant * MedianAbsoluteDeviation(logDispersionResiduals);
        return mad * mad;
    }

    // median(|x - median(x)|), R's halves-averaging median for an even count.
    private static double MedianAbsoluteDeviation(IReadOnlyList<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var center = SortedMedian(sorted);
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = Math.Abs(sorted[i] - center);
        }

        Array.Sort(sorted);
        return SortedMedian(sorted);
    }

    private static double SortedMedian(double[] sorted)
    {
        var half = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    // R's seq(0, 8, length = n): i * (8 / (n - 1)), with the last value exactly 8.
    private static double[] Grid(int size)
    {
        var grid = new double[size];
        var step = GridMax / (size - 1);
        for (var i = 1; i < size - 1; i++)
        {
            grid[i] = i * step;
        }

        grid[size - 1] = GridMax;
        return grid;
    }

    // hist()'s fuzzy breaks for -10, -9.5, ..., 10.
    private static double[] FuzzyEdges()
    {
        var edges = new double[BinCount + 1];
        for (var j = 0; j <= BinCount; j++)
        {
            edges[j] = ((j - (BinCount / 2)) / 2.0) + (j == 0 ? -BreakFuzz : BreakFuzz);
        }

        return edges;
    }

    // DESeq2's residual histogram: the residuals inside (-10, 10) in bins (e_j, e_j+1], as densities.
    private static double[] ObservedDensities(IReadOnlyList<double> residuals, double[] edges)
    {
        var counts = new int[BinCount];
        var kept = 0;
        foreach (var value in residuals)
        {
            if (value <= -HistogramLimit || value >= HistogramLimit)
            {
                continue;
            }

            var lower = 0;
            var upper = BinCount;
            while (upper - lower >= 2)
            {
                var middle = (lower + upper) / 2;
                if (value > edges[middle])
                {
                    lower = middle;
                }
                else
                {
                    upper = middle;
                }
            }

            counts[lower]++;
            kept++;
        }

        if (kept == 0)
        {
            throw new ArgumentException("No dispersion residual lies inside (-10, 10), where DESeq2's histogram fit looks.", nameof(residuals));
        }

        var densities = new double[BinCount];
        for (var b = 0; b < BinCount; b++)
        {
            densities[b] = counts[b] / (kept * BinWidth);
        }

        return densities;
    }

    /// <summary>
    /// U = log(W / k) with W ~ χ²ₖ: with a = k / 2, P(U ≤ u) = P(a, a·eᵘ) (the regularised lower incomplete
    /// gamma function) and its density is exp(a·(log a + u) − a·eᵘ − log Γ(a)). The distribution function is
    /// tabulated once with its density and read by cubic Hermite interpolation (error below 1e-10 at this step).
    /// </summary>
    private sealed class ScaledLogChiSquare
    {
        private const double TableFrom = -40.0;
        private const double TableTo = 8.0;
        private const double Step = 1.0 / 128;

        private readonly double _shape;
        private readonly double[] _cdf;
        private readonly double[] _density;

        public ScaledLogChiSquare(int degreesOfFreedom)
        {
            _shape = degreesOfFreedom / 2.0;
            var count = (int)Math.Round((TableTo - TableFrom) / Step) + 1;
            _cdf = new double[count];
            _density = new double[count];
            var logShape = Math.Log(_shape);
            var logGamma = SpecialFunctions.GammaLn(_shape);
            for (var i = 0; i < count; i++)
            {
                var u = TableFrom + (i * Step);
                var scaled = _shape * Math.Exp(u);
                _cdf[i] = SpecialFunctions.GammaLowerRegularized(_shape, scaled);
                _density[i] = Math.Exp((_shape * (logShape + u)) - scaled - logGamma);
            }
        }

        // P(U + sqrt(variance) Z <= t) for each t in edges, Z standard normal.
        public void ConvolvedCdf(double variance, double[] edges, double[] result)
        {
            if (variance <= 0)
            {
                for (var j = 0; j < edges.Length; j++)
                {
                    result[j] = Cdf(edges[j]);
                }

                return;
            }

            var sd = Math.Sqrt(variance);
            var spacing = Math.Min(MaxNodeSpacing, NodeSpacingTimesSd / sd);
            var half = (int)Math.Ceiling(NodeRange / spacing);
            var offsets = new double[(2 * half) + 1];
            var weights = new double[offsets.Length];
            var total = 0.0;
            for (var i = -half; i <= half; i++)
            {
                var z = i * spacing;
                offsets[i + half] = sd * z;
                weights[i + half] = Math.Exp(-0.5 * z * z);
                total += weights[i + half];
            }

            for (var j = 0; j < edges.Length; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < offsets.Length; i++)
                {
                    sum += weights[i] * Cdf(edges[j] - offsets[i]);
                }

                result[j] = sum / total;
            }
        }

        private double Cdf(double u)
        {
            if (u >= TableTo)
            {
                return 1.0;
            }

            if (u < TableFrom)
            {
                return SpecialFunctions.GammaLowerRegularized(_shape, _shape * Math.Exp(u));
            }

            var position = (u - TableFrom) / Step;
            var i = Math.Min((int)position, _cdf.Length - 2);
            var h = position - i;
            var phi0 = (1 - h) * (1 - h) * (1 + (2 * h));
            var phi1 = h * h * (3 - (2 * h));
            var psi0 = h * (1 - h) * (1 - h);
            var psi1 = h * h * (h - 1);
            return (phi0 * _cdf[i]) + (phi1 * _cdf[i + 1]) + (((psi0 * _density[i]) + (psi1 * _density[i + 1])) * Step);
        }
    }
}
