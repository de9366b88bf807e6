namespace Fractal.FunctionApp.Orchestrations;

/// <summary>
/// <c>FRACTAL_MAX_PARALLEL_ACTIVITIES</c>: how many activities one orchestration (a data load, an analysis) may have
/// running at once (default <see cref="DefaultMaxParallel"/>); the rest of its fan-out waits its turn.
/// </summary>
public sealed record FanOutSettings(int MaxParallel = FanOutSettings.DefaultMaxParallel)
{
    public const string MaxParallelSetting = "FRACTAL_MAX_PARALLEL_ACTIVITIES";

    public const int DefaultMaxParallel = 16;

    public static FanOutSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var maxParallel = configuration.GetValue(MaxParallelSetting, DefaultMaxParallel);
        return maxParallel >= 1
            ? new FanOutSettings(maxParallel)
            : throw new InvalidOperationException($"{MaxParallelSetting} must be at least 1; it is {maxParallel}.");
    }
}
