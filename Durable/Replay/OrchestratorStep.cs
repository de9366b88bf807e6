using Fractal.Durable.History;

namespace Fractal.Durable.Replay;

/// <summary>
/// What one replay produced: the new events the orchestrator's code asked for (scheduled tasks,
/// timers, sub-orchestrations and, last, its completion), its custom status, and the external events
/// to carry over when it continues as new.
/// </summary>
internal sealed record OrchestratorStep(
    IReadOnlyList<HistoryEvent> NewActions,
    string? CustomStatus,
    ExecutionCompletedEvent? Completion,
    IReadOnlyList<EventRaisedEvent> CarryOverEvents);
