namespace Fractal.Bench.Engine;

/// <summary>The raw storage figures the engine sits on.</summary>
internal sealed record CeilingFigures(Latencies QueueRoundTrip, Latencies TableUpsert);
