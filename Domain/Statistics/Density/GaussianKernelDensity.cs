using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace Fractal.Domain.Statistics.Density;

/// <summary>
/// A one-dimensional Gaussian kernel density estimate as <c>scipy.stats.gaussian_kde</c> builds it:
/// the kernel variance is the sample variance (n - 1) times the square of a bandwidth factor.
/// </summary>
public sealed class GaussianKernelDensity
{
    private readonly double[] _sample;
    private readonly double _bandwidth;

    private GaussianKernelDensity(double[] sample, double bandwidth)
    {
        _sample = sample;
        _bandwidth = bandwidth;
    }

    /// <summary>Scott's factor, n^(-1/5) in one dimension: SciPy's default.</summary>
    public static double ScottFactor(int count) => Math.Pow(count, -1.0 / 5.0);

    /// <summary>
    /// A density over <paramref name="sample"/> with the given bandwidth factor; false with a reason
    /// when there are fewer than two values or they are all equal (the kernel would be degenerate).
    /// </summary>
    public static bool TryCreate(IReadOnlyList<double> sample, double factor, out GaussianKernelDensity? density, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(sample);
        density = null;
        if (sample.Count < 2)
        {
            reason = $"{sample.Count} value(s); a kernel density needs at least 2.";
            return false;
        }

        var variance = sample.Variance();
        if (!(variance > 0) || !(factor > 0) || double.IsInfinity(variance))
        {
            reason = "The values are constant (or the bandwidth is not positive); the kernel density is not defined.";
            return false;
        }

        density = new GaussianKernelDensity([.. sample], Math.Sqrt(variance) * factor);
        reason = null;
        return true;
    }

    /// <summary>The density at <paramref name="point"/>.</summary>
    public double Evaluate(double point)
    {
        var sum = 0.0;
        foreach (var value in _sample)
        {
            var z = (point - value) / _bandwidth;
            sum += Math.Exp(-0.5 * z * z);
        }

        return sum / (_sample.Length * _bandwidth * Constants.Sqrt2Pi);
    }

    /// <summary>The density at <paramref name="count"/> evenly spaced points from <paramref name="start"/> to <paramref name="stop"/>, as <c>numpy.linspace</c>.</summary>
    public double[] EvaluateLinspace(double start, double stop, int count) =>
        [.. Generate.LinearSpaced(count, start, stop).Select(Evaluate)];
}
