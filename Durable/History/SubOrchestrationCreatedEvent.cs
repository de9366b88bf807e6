namespace Fractal.Durable.History;

/// <summary>The orchestrator started child orchestration <paramref name="InstanceId"/> as task <paramref name="TaskId"/>.</summary>
public sealed record SubOrchestrationCreatedEvent(int TaskId, string Name, string InstanceId, string? Input) : HistoryEvent;
