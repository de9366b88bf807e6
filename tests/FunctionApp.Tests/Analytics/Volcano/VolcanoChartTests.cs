using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Volcano;
using Fractal.FunctionApp.Analytics.Volcano;
using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Volcano;

/// <summary>The volcano chart for three or more subsets: limma's moderated F against −log10 P.</summary>
public sealed class VolcanoChartTests
{
    private readonly VolcanoResult _threeSubsets = VolcanoAnalysis.Run(new(
        [SmallCohort.Array(20, (f, s) => (f < 4 ? s / (SmallCohort.Size / 3) * 1.0 : 0) + SmallCohort.Noise((f * 17) + s))],
        "limma",
        new AnalysisScope(null, SmallCohort.Thirds, null)));

    [Fact]
    public void Draw_ThreeSubsets_PlotsFAgainstMinusLog10P()
    {
        var plot = VolcanoChart.Draw(_threeSubsets).Plot;

        var points = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().SelectMany(s => s.Data.GetScatterPoints()).ToList();
        Assert.Equal("moderated F", plot.Axes.Bottom.Label.Text);
        Assert.Equal("-log10 P", plot.Axes.Left.Label.Text);
        Assert.Equal(
            _threeSubsets.Statistics.Select(f => (f.F!.Value, -Math.Log10(f.PValue))).Order(),
            points.Select(p => (p.X, p.Y)).Order());
    }

    [Fact]
    public void Draw_ThreeSubsets_MarksTheAdjustedPThresholdAtTheLargestSignificantP()
    {
        var plot = VolcanoChart.Draw(_threeSubsets).Plot;

        var line = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalLine>());
        var largestSignificantP = _threeSubsets.Statistics.Where(f => f.AdjPValue < 0.05).Max(f => f.PValue);
        Assert.Equal(-Math.Log10(largestSignificantP), line.Y);
        Assert.Empty(plot.GetPlottables().OfType<ScottPlot.Plottables.VerticalLine>());
    }

    [Fact]
    public void Draw_ThreeSubsets_TitleNamesTheFTestAndEverySubset()
    {
        var plot = VolcanoChart.Draw(_threeSubsets).Plot;

        Assert.Contains("F test; s1, s2, s3", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        Assert.True(plot.Legend.IsVisible);
    }
}
