namespace Fractal.Bench.Engine;

/// <summary>A started hub to measure, under a label, with how many fan-outs to run on it.</summary>
internal sealed record BenchTarget(string Label, BenchHub Hub, int FanOutRepeats);
