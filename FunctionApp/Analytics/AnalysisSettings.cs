namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Analytics settings: <c>FRACTAL_ANALYSIS_CHUNK_SIZE</c>, the features per chunk of a heatmap's or
/// volcano plot's statistics (default <see cref="DefaultChunkSize"/>).
/// </summary>
public sealed record AnalysisSettings(int ChunkSize = AnalysisSettings.DefaultChunkSize)
{
    public const int DefaultChunkSize = 2_000;

    public static AnalysisSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var chunkSize = configuration.GetValue("FRACTAL_ANALYSIS_CHUNK_SIZE", DefaultChunkSize);
        return chunkSize >= 1
            ? new AnalysisSettings(chunkSize)
            : throw new InvalidOperationException($"FRACTAL_ANALYSIS_CHUNK_SIZE must be at least 1; it is {chunkSize}.");
    }
}
