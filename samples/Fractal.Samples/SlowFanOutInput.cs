namespace Fractal.Samples;

/// <summary>The input of <see cref="SlowFanOutSample.SlowFanOut"/>: how many activities, and how long each takes.</summary>
public sealed record SlowFanOutInput(int Count, int DelayMilliseconds);
