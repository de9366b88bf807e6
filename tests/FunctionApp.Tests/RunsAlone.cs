namespace Fractal.FunctionApp.Tests;

/// <summary>
/// Tests that measure latency under a load they make themselves: they run after the parallel ones, alone, so that other
/// test hosts on the same two cores do not decide their timings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Alone";
}
