namespace Fractal.Bench.Engine;

/// <summary>What one configuration measured, with the storage operations of each scenario.</summary>
internal sealed record EngineFigures(
    string Label,
    Latencies Hello,
    int FanOutCount,
    TimeSpan FanOut,
    int ConcurrentCount,
    TimeSpan Concurrent,
    Latencies ConcurrentPerInstance,
    IReadOnlyList<ScenarioOperations> Operations)
{
    /// <summary>Orchestrator steps (start + one per result) and activities of one hello.</summary>
    public const int WorkItemsPerHello = 4 + 3;

    public double SequentialActivitiesPerSecond => 3 / (Hello.P50 / 1000);

    public double FanOutActivitiesPerSecond => FanOutCount / FanOut.TotalSeconds;

    public double WorkItemsPerSecond => ConcurrentCount * WorkItemsPerHello / Concurrent.TotalSeconds;
}
