namespace Fractal.Bench.Analysis;

/// <summary>How big each kernel's input is; <see cref="Full"/> is the issue's, <see cref="Quick"/> a smoke run.</summary>
internal sealed record BenchSizes(
    int Pairs, int PcaRows, int PcaColumns, int Features, int Samples, int ClusterRows, int ClusterColumns, int Subjects, int CountFeatures, int CountSamples)
{
    public static BenchSizes Full { get; } = new(1_000_000, 5_000, 500, 20_000, 100, 2_000, 100, 100_000, 20_000, 12);

    public static BenchSizes Quick { get; } = new(100_000, 1_000, 100, 2_000, 40, 500, 50, 10_000, 2_000, 8);
}
