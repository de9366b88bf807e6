namespace Fractal.FunctionApp.Orchestrations;

/// <summary>
/// <c>FRACTAL_MAX_PARALLEL_ACTIVITIES</c>: how many activities one orchestration (a data load, an analysis) may have
/// running at once (default <see cref="DefaultMaxParallel"/>); the rest of its fan-out waits its turn.
/// </summary>
public sealed class FanOutSettings
{
    public const string MaxParallelSetting = "FRACTAL_MAX_PARALLEL_ACTIVITIES";

    public const int DefaultMaxParallel = 16;

    [ConfigurationKeyName(MaxParallelSetting)]
    public int MaxParallel { get; set; } = DefaultMaxParallel;
}
