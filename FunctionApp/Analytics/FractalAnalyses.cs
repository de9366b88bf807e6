using Fractal.FunctionApp.Analytics.Boxplot;
using Fractal.FunctionApp.Analytics.Cluster;
using Fractal.FunctionApp.Analytics.Correlation;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Analytics.Heatmap;
using Fractal.FunctionApp.Analytics.Histogram;
using Fractal.FunctionApp.Analytics.Pca;
using Fractal.FunctionApp.Analytics.Sql;
using Fractal.FunctionApp.Analytics.Survival;
using Fractal.FunctionApp.Analytics.Volcano;

namespace Fractal.FunctionApp.Analytics;

/// <summary>The analyses the app runs: adding one is its folder and one line here.</summary>
public static class FractalAnalyses
{
    /// <summary>Registers every analysis, in the order the catalog lists them.</summary>
    public static IServiceCollection AddFractalAnalyses(this IServiceCollection services) => services
        .AddAnalysis<CorrelationDefinition>()
        .AddAnalysis<BoxplotDefinition>()
        .AddAnalysis<HistogramDefinition>()
        .AddAnalysis<PcaDefinition>()
        .AddAnalysis<HeatmapDefinition>()
        .AddAnalysis<VolcanoDefinition>()
        .AddAnalysis<ClusterDefinition>()
        .AddAnalysis<SurvivalDefinition>()
        .AddAnalysis<SqlDefinition>();
}
