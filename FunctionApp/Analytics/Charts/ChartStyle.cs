using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Charts;

/// <summary>What every chart shares: size, palette, titles and the legend.</summary>
internal static class ChartStyle
{
    public const int Width = 800;
    public const int Height = 600;

    private static readonly ScottPlot.Palettes.Category10 s_palette = new();

    public static Color Color(int index) => s_palette.GetColor(index);

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    public static string GroupLabel(string category, int subset) =>
        string.IsNullOrEmpty(category) ? Domain.Analyses.AnalysisScope.SubsetLabel(subset) : $"{category} ({Domain.Analyses.AnalysisScope.SubsetLabel(subset)})";

    public static string Number(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
