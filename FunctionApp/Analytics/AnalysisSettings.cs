namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Analytics settings: <c>FRACTAL_ANALYSIS_CHUNK_SIZE</c>, the features per chunk of a heatmap's or
/// volcano plot's statistics (default <see cref="DefaultChunkSize"/>), and <c>FRACTAL_ANALYSIS_MAX_FANOUT</c>, the most
/// groups or chunks one analysis may fan out to (default <see cref="DefaultMaxFanOut"/>): more subsets are refused when
/// the analysis is posted, more (subset, category) groups fail it, and more features make larger chunks.
/// </summary>
public sealed class AnalysisSettings
{
    public const int DefaultChunkSize = 2_000;

    public const int DefaultMaxFanOut = 256;

    public const string ChunkSizeSetting = "FRACTAL_ANALYSIS_CHUNK_SIZE";

    public const string MaxFanOutSetting = "FRACTAL_ANALYSIS_MAX_FANOUT";

    [ConfigurationKeyName(ChunkSizeSetting)]
    public int ChunkSize { get; set; } = DefaultChunkSize;

    [ConfigurationKeyName(MaxFanOutSetting)]
    public int MaxFanOut { get; set; } = DefaultMaxFanOut;
}
