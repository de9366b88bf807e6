using Fractal.Domain.Analyses.Survival;
using Fractal.FunctionApp.Analytics.Charts;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Survival;

/// <summary>Each group's step curve with its 95% band, the log-rank test in the title.</summary>
internal static class SurvivalChart
{
    public static NamedPlot Draw(SurvivalResult result)
    {
        var survival = result.Estimator == "KaplanMeier";
        var logRank = result.LogRank;
        var test = double.IsFinite(logRank.PValue)
            ? $"log-rank chi2 = {ChartStyle.Number(logRank.ChiSquared)}, df = {logRank.DegreesOfFreedom}, p = {ChartStyle.Number(logRank.PValue)}"
            : "log-rank: one group";
        var plot = ChartStyle.Create($"{(survival ? "Kaplan-Meier" : "Nelson-Aalen")} ({test})", "time", survival ? "survival probability" : "cumulative hazard");
        for (var g = 0; g < result.Statistics.Count; g++)
        {
            var group = result.Statistics[g];
            var curve = group.Curve;
            var color = ChartStyle.Color(g);
            var start = survival ? 1.0 : 0.0;
            var times = new List<double> { 0 };
            var estimate = new List<double> { start };
            var lower = new List<double> { start };
            var upper = new List<double> { start };
            for (var i = 0; i < curve.Timeline.Count; i++)
            {
                times.Add(curve.Timeline[i]);
                estimate.Add(curve.Estimate[i]);
                lower.Add(double.IsFinite(curve.Lower[i]) ? curve.Lower[i] : curve.Estimate[i]);
                upper.Add(double.IsFinite(curve.Upper[i]) ? curve.Upper[i] : curve.Estimate[i]);
            }

            var band = new List<Coordinates>();
            for (var i = 0; i < times.Count; i++)
            {
                var next = i + 1 < times.Count ? times[i + 1] : times[i];
                band.Add(new Coordinates(times[i], upper[i]));
                band.Add(new Coordinates(next, upper[i]));
            }

            for (var i = times.Count - 1; i >= 0; i--)
            {
                var next = i + 1 < times.Count ? times[i + 1] : times[i];
                band.Add(new Coordinates(next, lower[i]));
                band.Add(new Coordinates(times[i], lower[i]));
            }

            var polygon = plot.Add.Polygon([.. band]);
            polygon.FillColor = color.WithAlpha(0.2);
            polygon.LineWidth = 0;
            var line = plot.Add.ScatterLine(times.ToArray(), estimate.ToArray(), color);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.LegendText = $"{ChartStyle.GroupLabel(group.Category, group.Subset)} (n = {curve.Count}, median = {ChartStyle.Number(curve.Median)})";
        }

        plot.ShowLegend();
        return new NamedPlot("survival", plot);
    }
}
