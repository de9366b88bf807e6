namespace Fractal.Bench.Engine;

/// <summary>The goals for the engine, and the figures of the Durable Task Framework's Azure Storage provider measured on these machines.</summary>
internal static class Goals
{
    public const double HelloP50Milliseconds = 25;
    public const double SequentialActivitiesPerSecond = 120;
    public const double FanOutSecondsPerThousand = 1.5;
    public const double FanOutActivitiesPerSecond = 650;
    public const double WorkItemsPerSecond = 1000;

    public const string DtfxHello = "DTFx 42-79 ms";
    public const string DtfxSequential = "DTFx 38-71/s (3 / p50)";
    public const string DtfxFanOut = "DTFx 17-19 s, ~55/s";
    public const string DtfxWorkItems = "DTFx ~200/s";
    public const string DtfxQueueRoundTrip = "~4 ms when DTFx was measured";

    /// <summary>"PASS", or "MISS" with how far the figure is from the goal (a factor).</summary>
    public static string AtMost(double figure, double goal) =>
        figure <= goal ? "PASS" : FormattableString.Invariant($"MISS x{figure / goal:F2}");

    public static string AtLeast(double figure, double goal) =>
        figure >= goal ? "PASS" : FormattableString.Invariant($"MISS x{goal / figure:F2}");
}
