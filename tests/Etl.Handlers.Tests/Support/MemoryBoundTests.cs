namespace Fractal.Etl.Handlers.Tests.Support;

/// <summary>
/// Tests that bound the managed heap read a process-wide figure, so they run alone: other tests'
/// allocations would otherwise count against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryBoundTests
{
    public const string Name = "Memory-bound streaming";
}
