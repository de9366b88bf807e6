using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Analyses.Volcano;

namespace Fractal.FunctionApp.Analytics;

/// <summary>The analyses this app runs, by Fractalis' task names, with their parameter schemas.</summary>
public static class AnalysisCatalog
{
    public static IReadOnlyList<AnalysisSchema> Schemas { get; } =
    [
        CorrelationAnalysis.Schema,
        BoxplotAnalysis.Schema,
        HistogramAnalysis.Schema,
        PcaAnalysis.Schema,
        HeatmapAnalysis.Schema,
        VolcanoAnalysis.Schema,
        ClusterAnalysis.Schema,
        SurvivalAnalysis.Schema,
        SqlAnalysis.Schema,
    ];

    public static IReadOnlyList<string> TaskNames { get; } = [.. Schemas.Select(s => s.TaskName)];

    /// <summary>The schema of <paramref name="taskName"/>, or null when there is no such analysis.</summary>
    public static AnalysisSchema? Find(string? taskName) => Schemas.FirstOrDefault(s => s.TaskName == taskName);
}
