namespace Fractal.Durable.History;

/// <summary>
/// The execution ended: Completed with a result, Failed with details, or ContinuedAsNew with the next
/// execution's input in <paramref name="Result"/>.
/// </summary>
public sealed record ExecutionCompletedEvent(OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? Failure) : HistoryEvent;
