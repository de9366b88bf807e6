namespace Fractal.Bench.Engine;

/// <summary>The raw storage figures the engine sits on: latencies one at a time, rates with many in flight.</summary>
internal sealed record CeilingFigures(
    Latencies QueueRoundTrip,
    Latencies TableUpsert,
    double QueueSendsPerSecond,
    double QueueDeletesPerSecond,
    double TableUpsertsPerSecond)
{
    /// <summary>
    /// The most work items a second the queues allow if every hello sends and deletes 7 messages
    /// (4 control, 3 work item) and nothing else cost anything.
    /// </summary>
    public double HelloWorkItemsPerSecondBound =>
        EngineFigures.WorkItemsPerHello / ((EngineFigures.WorkItemsPerHello / QueueSendsPerSecond) + (EngineFigures.WorkItemsPerHello / QueueDeletesPerSecond));
}
