using Fractal.Domain.Analyses.Volcano;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Charts;

/// <summary>log2 fold change against −log10 P, with the thresholds |logFC| = 1 and adjusted P = 0.05.</summary>
internal static class VolcanoChart
{
    private const double FoldChangeThreshold = 1.0;
    private const double AdjustedPThreshold = 0.05;

    public static NamedPlot Draw(VolcanoResult result)
    {
        var plot = ChartStyle.Create($"Volcano plot ({result.RankingMethod}; s2 vs s1)", "log2 fold change", "-log10 P");
        var finite = result.Statistics.Where(f => double.IsFinite(f.LogFC) && double.IsFinite(f.PValue) && f.PValue > 0).ToList();
        var significant = finite.Where(IsSignificant).ToList();
        var other = finite.Where(f => !IsSignificant(f)).ToList();
        var rest = plot.Add.ScatterPoints(other.Select(f => f.LogFC).ToArray(), other.Select(f => -Math.Log10(f.PValue)).ToArray(), Colors.Gray);
        rest.LegendText = $"not significant ({other.Count})";
        var hits = plot.Add.ScatterPoints(significant.Select(f => f.LogFC).ToArray(), significant.Select(f => -Math.Log10(f.PValue)).ToArray(), Colors.Red);
        hits.LegendText = $"adj. P < {AdjustedPThreshold} and |logFC| > {FoldChangeThreshold} ({significant.Count})";
        foreach (var x in new[] { -FoldChangeThreshold, FoldChangeThreshold })
        {
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Black;
        }

        var largestSignificantP = finite.Where(f => f.AdjPValue < AdjustedPThreshold).Select(f => f.PValue).DefaultIfEmpty(double.NaN).Max();
        if (double.IsFinite(largestSignificantP))
        {
            var line = plot.Add.HorizontalLine(-Math.Log10(largestSignificantP));
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Blue;
            line.LegendText = $"adj. P = {AdjustedPThreshold}";
        }

        plot.ShowLegend();
        return new NamedPlot("volcano", plot);
    }

    private static bool IsSignificant(VolcanoFeature feature) =>
        feature.AdjPValue < AdjustedPThreshold && Math.Abs(feature.LogFC) > FoldChangeThreshold;
}
