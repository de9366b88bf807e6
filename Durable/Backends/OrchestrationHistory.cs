using Fractal.Durable.History;

namespace Fractal.Durable.Backends;

/// <summary>The committed history of an instance's current execution and the checkpoint that guards the next append.</summary>
/// <param name="ExecutionId">The current execution; null when the instance has no history.</param>
/// <param name="Events">The committed events, in order.</param>
/// <param name="Checkpoint">An opaque version; an append that names an older one fails.</param>
public sealed record OrchestrationHistory(string? ExecutionId, IReadOnlyList<HistoryEvent> Events, string? Checkpoint)
{
    /// <summary>An instance with no history yet.</summary>
    public static OrchestrationHistory Empty { get; } = new(null, [], null);
}
