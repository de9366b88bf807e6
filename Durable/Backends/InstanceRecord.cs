namespace Fractal.Durable.Backends;

/// <summary>One row of the instances table: an instance's current state, as clients read it.</summary>
public sealed record InstanceRecord
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public required string ExecutionId { get; init; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public DateTime CreatedTime { get; init; }

    public DateTime LastUpdatedTime { get; init; }

    public DateTime? CompletedTime { get; init; }

    public string? ParentInstanceId { get; init; }

    /// <summary>Whether the instance has ended (Completed, Failed or Terminated).</summary>
    public bool IsTerminal => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
