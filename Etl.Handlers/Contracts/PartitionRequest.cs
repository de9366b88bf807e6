namespace Fractal.Etl.Handlers;

/// <summary>A request's ask for <paramref name="Count"/> partitions per descriptor, through <c>options.{Option}</c>.</summary>
public sealed record PartitionRequest(string Option, long Count);
