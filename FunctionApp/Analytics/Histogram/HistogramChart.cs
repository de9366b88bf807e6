using Fractal.Domain.Analyses.Histogram;
using Fractal.FunctionApp.Analytics.Charts;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Histogram;

/// <summary>Each group's histogram with its Gaussian KDE, scaled to counts (density × n × bin width).</summary>
internal static class HistogramChart
{
    public static NamedPlot Draw(HistogramResult result)
    {
        var plot = ChartStyle.Create($"Histogram of {result.Label}", result.Label, "count");
        for (var g = 0; g < result.Statistics.Count; g++)
        {
            var group = result.Statistics[g];
            var statistics = group.Statistics;
            if (statistics.BinEdges.Count < 2)
            {
                continue;
            }

            var color = ChartStyle.Color(g);
            var label = ChartStyle.GroupLabel(group.Category, group.Subset);
            var width = statistics.BinEdges[1] - statistics.BinEdges[0];
            var bars = statistics.Counts.Select((count, i) => new Bar
            {
                Position = (statistics.BinEdges[i] + statistics.BinEdges[i + 1]) / 2,
                Value = count,
                Size = width,
                FillColor = color.WithAlpha(0.45),
                LineColor = color,
            }).ToList();
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = $"{label} (n = {statistics.Count}, mean = {ChartStyle.Number(statistics.Mean)})";
            if (statistics.Density.Count >= 2)
            {
                var min = statistics.BinEdges[0];
                var step = (statistics.BinEdges[^1] - min) / (statistics.Density.Count - 1);
                var xs = statistics.Density.Select((_, i) => min + (i * step)).ToArray();
                var ys = statistics.Density.Select(d => d * statistics.Count * width).ToArray();
                var line = plot.Add.ScatterLine(xs, ys, color);
                line.LineWidth = 2;
                line.LegendText = $"{label} density";
            }
        }

        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend();
        return new NamedPlot("histogram", plot);
    }
}
