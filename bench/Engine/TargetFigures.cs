namespace Fractal.Bench.Engine;

/// <summary>What one target measured under one profile.</summary>
internal sealed class TargetFigures(string label)
{
    public string Label { get; } = label;

    public List<TimeSpan> Hellos { get; } = [];

    public List<TimeSpan> FanOuts { get; } = [];

    public TimeSpan HelloP50 => Percentile(Hellos, 0.50);

    public TimeSpan HelloP95 => Percentile(Hellos, 0.95);

    public TimeSpan FanOutMedian => Percentile(FanOuts, 0.50);

    /// <summary>The nearest-rank percentile.</summary>
    private static TimeSpan Percentile(List<TimeSpan> values, double fraction)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
