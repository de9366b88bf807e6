namespace Fractal.Bench.Engine;

/// <summary>One storage operation of a trace: when it started after the trace began, and how long it took.</summary>
internal sealed record TracedOperation(string Kind, TimeSpan Offset, TimeSpan Duration);
