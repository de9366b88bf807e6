namespace Fractal.Durable.Backends;

/// <summary>A page of instances and the token for the next page, null on the last.</summary>
public sealed record InstancePage(IReadOnlyList<InstanceRecord> Instances, string? ContinuationToken);
