using Fractal.Domain.Analyses.Boxplot;
using Fractal.FunctionApp.Analytics.Charts;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Boxplot;

/// <summary>A box (quartiles, Tukey whiskers, outliers) inside a violin (the group's KDE) per (variable, category, subset).</summary>
internal static class BoxplotChart
{
    private const double HalfWidth = 0.4;

    public static NamedPlot Draw(BoxplotResult result)
    {
        var plot = ChartStyle.Create(
            $"Box and violin ({result.Transformation}); ANOVA F = {ChartStyle.Number(result.Anova.F)}, p = {ChartStyle.Number(result.Anova.PValue)}",
            "group", result.Transformation == "identity" ? "value" : $"{result.Transformation}(value)");
        var ticks = new List<Tick>();
        for (var g = 0; g < result.Statistics.Count; g++)
        {
            var group = result.Statistics[g];
            var statistics = group.Statistics;
            var label = $"{group.Feature} {ChartStyle.GroupLabel(group.Category, group.Subset)}";
            ticks.Add(new Tick(g, label));
            if (!double.IsFinite(statistics.Median))
            {
                continue;
            }

            var color = ChartStyle.Color(g);
            Violin(plot, g, statistics, color, $"{label} (n = {statistics.Count})");
            var box = plot.Add.Box(new Box
            {
                Position = g,
                BoxMin = statistics.LowerQuartile,
                BoxMax = statistics.UpperQuartile,
                BoxMiddle = statistics.Median,
                WhiskerMin = statistics.LowerWhisker,
                WhiskerMax = statistics.UpperWhisker,
                Width = HalfWidth / 2,
            });
            box.FillColor = color.WithAlpha(0.6);
            if (statistics.Outliers.Count > 0)
            {
                var outliers = plot.Add.ScatterPoints(Enumerable.Repeat((double)g, statistics.Outliers.Count).ToArray(), statistics.Outliers.ToArray(), color);
                outliers.MarkerShape = MarkerShape.OpenCircle;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 120;
        plot.ShowLegend(Alignment.UpperRight);
        return new NamedPlot("boxplot", plot);
    }

    private static void Violin(Plot plot, int position, BoxplotStatistics statistics, Color color, string label)
    {
        var density = statistics.Kde;
        var peak = density.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        if (density.Count < 2 || peak <= 0 || statistics.UpperWhisker <= statistics.LowerWhisker)
        {
            return;
        }

        var step = (statistics.UpperWhisker - statistics.LowerWhisker) / (density.Count - 1);
        var right = density.Select((d, i) => new Coordinates(position + (HalfWidth * d / peak), statistics.LowerWhisker + (i * step)));
        var left = density.Select((d, i) => new Coordinates(position - (HalfWidth * d / peak), statistics.LowerWhisker + (i * step))).Reverse();
        var violin = plot.Add.Polygon([.. right, .. left]);
        violin.FillColor = color.WithAlpha(0.25);
        violin.LineColor = color;
        violin.LegendText = label;
    }
}
