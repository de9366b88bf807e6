namespace Fractal.Durable.Messaging;

/// <summary>One activity call in a <see cref="WorkItemBatch"/>: the task id it answers, the function and its input (JSON).</summary>
public sealed record ActivityCall(int TaskId, string Name, string? Input);
