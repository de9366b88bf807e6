using MathNet.Numerics.Statistics;

namespace Fractal.Bench.Engine;

/// <summary>A set of measured durations in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    private double Percentile(double tau) =>
        _milliseconds.Count == 0 ? double.NaN : _milliseconds.Quantile(tau);
}
