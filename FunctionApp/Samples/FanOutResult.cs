namespace Fractal.FunctionApp.Samples;

/// <summary>The fan-out sample's output: how many activities ran and the sum of what they returned.</summary>
public sealed record FanOutResult(int Count, long Sum);
