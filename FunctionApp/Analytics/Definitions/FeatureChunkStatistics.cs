using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Statistics.Limma;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>The per-feature statistics of a feature-matrix analysis, assembled from its chunks.</summary>
internal static class FeatureChunkStatistics
{
    /// <summary>limma's table from each chunk's moderated statistics, in order.</summary>
    public static LimmaTable Limma(MatrixShape shape, IReadOnlyList<JsonElement> parts)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return AsArgumentError(() => LimmaTable.Assemble(shape.Model(), [.. parts.Select(AnalyticsJson.FromElement<ModeratedStatistics>)]));
    }

    /// <summary>Welch's t tests of every feature from each chunk's, in order.</summary>
    public static WelchTable Welch(IReadOnlyList<JsonElement> parts)
    {
        var tables = parts.Select(AnalyticsJson.FromElement<WelchTable>).ToList();
        return new WelchTable(
            [.. tables.SelectMany(t => t.LogFC)],
            [.. tables.SelectMany(t => t.T)],
            [.. tables.SelectMany(t => t.PValue)],
            [.. tables.SelectMany(t => t.Df)],
            [.. tables.SelectMany(t => t.Problems)]);
    }

    /// <summary>A model the data cannot fit (too few samples, a singular design) is the arrays' fault: reported naming them.</summary>
    public static T AsArgumentError<T>(Func<T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        try
        {
            return compute();
        }
        catch (ArgumentException error) when (error is not AnalysisArgumentException)
        {
            throw new AnalysisArgumentException("numerical_arrays", error.Message);
        }
    }
}
