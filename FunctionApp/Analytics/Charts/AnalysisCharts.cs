using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Analyses.Volcano;

namespace Fractal.FunctionApp.Analytics.Charts;

/// <summary>The charts of an analysis result, by its type.</summary>
public static class AnalysisCharts
{
    public static IReadOnlyList<NamedPlot> Draw(object result) => result switch
    {
        CorrelationResult correlation => [CorrelationChart.Draw(correlation)],
        BoxplotResult boxplot => [BoxplotChart.Draw(boxplot)],
        HistogramResult histogram => [HistogramChart.Draw(histogram)],
        PcaResult pca => PcaCharts.Draw(pca),
        HeatmapResult heatmap => [HeatmapChart.Draw(heatmap)],
        VolcanoResult volcano => [VolcanoChart.Draw(volcano)],
        ClusterResult cluster => ClusterCharts.Draw(cluster),
        SurvivalResult survival => [SurvivalChart.Draw(survival)],
        SqlResult sql => [SqlChart.Draw(sql)],
        _ => throw new ArgumentException($"No chart for {result?.GetType().Name ?? "null"}.", nameof(result)),
    };
}
