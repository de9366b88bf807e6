using Fractal.Domain.Analyses.Pca;
using Fractal.FunctionApp.Analytics.Charts;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Pca;

/// <summary>The scores on the first two components by subset and category, and the features' loadings as arrows.</summary>
internal static class PcaCharts
{
    private const int MaxArrows = 12;

    public static IReadOnlyList<NamedPlot> Draw(PcaResult result) => [Scores(result), Loadings(result)];

    private static NamedPlot Scores(PcaResult result)
    {
        var plot = ChartStyle.Create("PCA scores", Axis(result, 0), Axis(result, 1));
        var groups = result.Data.Where(p => p.Scores.Count >= 2).GroupBy(p => ChartStyle.GroupLabel(p.Category ?? string.Empty, p.Subset)).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var points = groups[g].ToList();
            var scatter = plot.Add.ScatterPoints(points.Select(p => p.Scores[0]).ToArray(), points.Select(p => p.Scores[1]).ToArray(), ChartStyle.Color(g));
            scatter.LegendText = $"{groups[g].Key} (n = {points.Count})";
        }

        plot.ShowLegend();
        return new NamedPlot("pca_scores", plot);
    }

    private static NamedPlot Loadings(PcaResult result)
    {
        var plot = ChartStyle.Create($"PCA loadings (the {MaxArrows} longest)", Axis(result, 0), Axis(result, 1));
        var loadings = result.Loadings
            .Where(l => l.Loadings.Count >= 2 && double.IsFinite(l.Loadings[0]) && double.IsFinite(l.Loadings[1]))
            .OrderByDescending(l => Math.Sqrt((l.Loadings[0] * l.Loadings[0]) + (l.Loadings[1] * l.Loadings[1])))
            .Take(MaxArrows)
            .ToList();
        for (var i = 0; i < loadings.Count; i++)
        {
            var arrow = plot.Add.Arrow(new Coordinates(0, 0), new Coordinates(loadings[i].Loadings[0], loadings[i].Loadings[1]));
            arrow.ArrowFillColor = ChartStyle.Color(i);
            arrow.ArrowLineColor = ChartStyle.Color(i);
            arrow.LegendText = loadings[i].Feature;
        }

        plot.ShowLegend();
        return new NamedPlot("pca_loadings", plot);
    }

    private static string Axis(PcaResult result, int component) =>
        result.VarianceRatios.Count > component
            ? $"PC{component + 1} ({ChartStyle.Number(100 * result.VarianceRatios[component])}% of variance)"
            : $"PC{component + 1}";
}
