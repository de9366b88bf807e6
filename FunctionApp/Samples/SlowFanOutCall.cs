namespace Fractal.FunctionApp.Samples;

/// <summary>One call of the slow fan-out: its index, its sleep, and whether it crashes its worker.</summary>
public sealed record SlowFanOutCall(int Index, int DelayMs, bool Crash);
