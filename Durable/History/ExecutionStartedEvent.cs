namespace Fractal.Durable.History;

/// <summary>The first event of an execution: which orchestrator, its input, and its parent if any.</summary>
public sealed record ExecutionStartedEvent(string Name, string? Input, string ExecutionId) : HistoryEvent
{
    public string? ParentInstanceId { get; init; }

    public string? ParentExecutionId { get; init; }

    public int ParentTaskId { get; init; } = -1;
}
