namespace Fractal.Samples;

/// <summary>The input of <see cref="SlowFanOutSample.SlowEcho"/>.</summary>
public sealed record SlowEchoRequest(int Index, int DelayMilliseconds);
