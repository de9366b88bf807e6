namespace Fractal.Durable.Messaging;

/// <summary>
/// A message on the work-item queue: activity calls that one orchestration step scheduled, run
/// together by whichever worker receives it; their results go back to the instance's control queue.
/// </summary>
public sealed record WorkItemBatch(string Id, string InstanceId, string ExecutionId, IReadOnlyList<ActivityCall> Calls);
