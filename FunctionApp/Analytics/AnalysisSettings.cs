namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Analytics settings: <c>FRACTAL_ANALYSIS_CHUNK_SIZE</c>, the features per chunk of a heatmap's or
/// volcano plot's statistics (default <see cref="DefaultChunkSize"/>), and <c>FRACTAL_ANALYSIS_MAX_FANOUT</c>, the most
/// groups or chunks one analysis may fan out to (default <see cref="DefaultMaxFanOut"/>): more subsets are refused when
/// the analysis is posted, more (subset, category) groups fail it, and more features make larger chunks.
/// </summary>
public sealed record AnalysisSettings(int ChunkSize = AnalysisSettings.DefaultChunkSize, int MaxFanOut = AnalysisSettings.DefaultMaxFanOut)
{
    public const int DefaultChunkSize = 2_000;

    public const int DefaultMaxFanOut = 256;

    public const string MaxFanOutSetting = "FRACTAL_ANALYSIS_MAX_FANOUT";

    public static AnalysisSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var chunkSize = configuration.GetValue("FRACTAL_ANALYSIS_CHUNK_SIZE", DefaultChunkSize);
        var maxFanOut = configuration.GetValue(MaxFanOutSetting, DefaultMaxFanOut);
        return chunkSize < 1
            ? throw new InvalidOperationException($"FRACTAL_ANALYSIS_CHUNK_SIZE must be at least 1; it is {chunkSize}.")
            : maxFanOut < 1
                ? throw new InvalidOperationException($"{MaxFanOutSetting} must be at least 1; it is {maxFanOut}.")
                : new AnalysisSettings(chunkSize, maxFanOut);
    }
}
