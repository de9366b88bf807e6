using Fractal.Durable.History;

namespace Fractal.Durable.Messaging;

/// <summary>
/// A message on a control queue: events for one orchestration instance (a start, results of a batch
/// of activities, a timer, an external event, a client command).
/// </summary>
/// <param name="Id">A unique id; redeliveries keep it.</param>
/// <param name="InstanceId">The instance the events are for.</param>
/// <param name="ExecutionId">The execution they are for; null for any (client commands, external events).</param>
/// <param name="Events">The events, in order.</param>
public sealed record ControlMessage(string Id, string InstanceId, string? ExecutionId, IReadOnlyList<HistoryEvent> Events);
