namespace Fractal.FunctionApp.Samples;

/// <summary>The slow fan-out's input: how many calls, how long each sleeps, and which one crashes its worker (-1: none).</summary>
public sealed record SlowFanOutPlan(int Count, int DelayMs, int CrashAt);
