using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Volcano;
using Fractal.FunctionApp.Analytics.Charts;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Volcano;

/// <summary>
/// Two subsets: log2 fold change against −log10 P, with the thresholds |logFC| = 1 and adjusted P = 0.05.
/// Three or more (limma's F test): the moderated F against −log10 P, with the threshold adjusted P = 0.05.
/// </summary>
internal static class VolcanoChart
{
    private const double FoldChangeThreshold = 1.0;
    private const double AdjustedPThreshold = 0.05;

    public static NamedPlot Draw(VolcanoResult result) => result.IsFTest ? DrawFTest(result) : DrawTTest(result);

    private static NamedPlot DrawTTest(VolcanoResult result)
    {
        var plot = ChartStyle.Create($"Volcano plot ({result.RankingMethod}; s2 vs s1)", "log2 fold change", "-log10 P");
        var finite = Plottable(result, f => f.LogFC);
        AddPoints(plot, finite, f => f.LogFC, f => IsSignificant(f) && Math.Abs(f.LogFC) > FoldChangeThreshold, $"adj. P < {AdjustedPThreshold} and |logFC| > {FoldChangeThreshold}");
        foreach (var x in new[] { -FoldChangeThreshold, FoldChangeThreshold })
        {
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Black;
        }

        AddAdjustedPLine(plot, finite);
        plot.ShowLegend();
        return new NamedPlot("volcano", plot);
    }

    private static NamedPlot DrawFTest(VolcanoResult result)
    {
        var subsets = string.Join(", ", Enumerable.Range(0, result.SubsetSizes.Count).Select(AnalysisScope.SubsetLabel));
        var plot = ChartStyle.Create($"Volcano plot ({result.RankingMethod} F test; {subsets})", "moderated F", "-log10 P");
        var finite = Plottable(result, f => f.F ?? double.NaN);
        AddPoints(plot, finite, f => f.F!.Value, IsSignificant, $"adj. P < {AdjustedPThreshold}");
        AddAdjustedPLine(plot, finite);
        plot.ShowLegend();
        return new NamedPlot("volcano", plot);
    }

    private static List<VolcanoFeature> Plottable(VolcanoResult result, Func<VolcanoFeature, double> x) =>
        [.. result.Statistics.Where(f => double.IsFinite(x(f)) && double.IsFinite(f.PValue) && f.PValue > 0)];

    private static void AddPoints(Plot plot, List<VolcanoFeature> features, Func<VolcanoFeature, double> x, Func<VolcanoFeature, bool> significant, string significantLabel)
    {
        var hits = features.Where(significant).ToList();
        var other = features.Where(f => !significant(f)).ToList();
        var rest = plot.Add.ScatterPoints(other.Select(x).ToArray(), other.Select(f => -Math.Log10(f.PValue)).ToArray(), Colors.Gray);
        rest.LegendText = $"not significant ({other.Count})";
        var marked = plot.Add.ScatterPoints(hits.Select(x).ToArray(), hits.Select(f => -Math.Log10(f.PValue)).ToArray(), Colors.Red);
        marked.LegendText = $"{significantLabel} ({hits.Count})";
    }

    /// <summary>A horizontal line at the largest P whose adjusted P is under the threshold, if any.</summary>
    private static void AddAdjustedPLine(Plot plot, List<VolcanoFeature> features)
    {
        var largestSignificantP = features.Where(IsSignificant).Select(f => f.PValue).DefaultIfEmpty(double.NaN).Max();
        if (double.IsFinite(largestSignificantP))
        {
            var line = plot.Add.HorizontalLine(-Math.Log10(largestSignificantP));
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Blue;
            line.LegendText = $"adj. P = {AdjustedPThreshold}";
        }
    }

    private static bool IsSignificant(VolcanoFeature feature) => feature.AdjPValue < AdjustedPThreshold;
}
