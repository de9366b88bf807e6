using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Correlation;

using Fractal.FunctionApp.Analytics.Charts;

namespace Fractal.FunctionApp.Analytics.Correlation;

/// <summary>A scatter of the joined points with each subset's least-squares line.</summary>
internal static class CorrelationChart
{
    public static NamedPlot Draw(CorrelationResult result)
    {
        var plot = ChartStyle.Create(
            $"{result.Method} correlation: r = {ChartStyle.Number(result.Coefficient)}, p = {ChartStyle.Number(result.PValue)}", result.XLabel, result.YLabel);
        for (var subset = 0; subset < result.Subsets.Count; subset++)
        {
            var points = result.Data.Where(p => p.Subset == subset && double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
            var color = ChartStyle.Color(subset);
            var label = AnalysisScope.SubsetLabel(subset);
            var scatter = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
            scatter.LegendText = $"{label} (n = {points.Count})";
            var statistics = result.Subsets[subset];
            if (points.Count >= 2 && double.IsFinite(statistics.Slope))
            {
                var minX = points.Min(p => p.X);
                var maxX = points.Max(p => p.X);
                var line = plot.Add.Line(minX, statistics.Intercept + (statistics.Slope * minX), maxX, statistics.Intercept + (statistics.Slope * maxX));
                line.Color = color;
                line.LineWidth = 2;
                line.LegendText = $"{label}: y = {ChartStyle.Number(statistics.Slope)}x + {ChartStyle.Number(statistics.Intercept)}, coef = {ChartStyle.Number(statistics.Coefficient)}";
            }
        }

        plot.ShowLegend();
        return new NamedPlot("scatter", plot);
    }
}
