using Fractal.Domain.Analyses.Heatmap;

using Fractal.FunctionApp.Analytics.Charts;

namespace Fractal.FunctionApp.Analytics.Heatmap;

/// <summary>The z-scores of the kept features, rows and columns in their clustered order, with a colour bar.</summary>
internal static class HeatmapChart
{
    private const int MaxLabelledRows = 60;

    public static NamedPlot Draw(HeatmapResult result)
    {
        var plot = ChartStyle.Create($"Clustered heatmap (z-scores; ranked by {(result.RankingMethod == result.RankBy ? result.RankingMethod : $"{result.RankingMethod} {result.RankBy}")})", "sample", "feature");
        var row = result.RowOrder.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var column = result.ColumnOrder.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var values = new double[row.Count, column.Count];
        for (var r = 0; r < row.Count; r++)
        {
            for (var c = 0; c < column.Count; c++)
            {
                values[r, c] = double.NaN;
            }
        }

        foreach (var cell in result.Data)
        {
            if (row.TryGetValue(cell.Feature, out var r) && column.TryGetValue(cell.Id, out var c))
            {
                values[r, c] = cell.ZScore;
            }
        }

        // ScottPlot draws row 0 of the array at the top, so the first feature of the order is the top row.
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.MellowRainbow();
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = $"{row.Count} features x {column.Count} samples", FillColor = heatmap.Colormap.GetColor(1.0) });
        plot.Add.ColorBar(heatmap).Label = "z-score";
        if (row.Count <= MaxLabelledRows)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. result.RowOrder.Select((name, i) => new ScottPlot.Tick(row.Count - 1 - i, name))]);
        }

        plot.ShowLegend();
        return new NamedPlot("heatmap", plot);
    }
}
