using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Sql;
using ScottPlot;

namespace Fractal.FunctionApp.Tests.Analytics.Sql;

/// <summary>The chart of a query result: its shape follows the first column; title, axis labels and legend always.</summary>
public sealed class SqlChartTests
{
    private static readonly byte[] s_pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Draw_CountsByLabel_AreBarsNamedByTheColumns()
    {
        var result = Query("SELECT value AS cohort, count(*) AS n FROM cohort GROUP BY 1 ORDER BY 1");

        var chart = SqlChart.Draw(result);

        Assert.Equal("sql", chart.Name);
        Assert.Single(chart.Plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>());
        AssertLabelled(chart.Plot, "cohort", "n", result.RowCount);
    }

    [Fact]
    public void Draw_CountsPerTimeBucket_IsALineOnATimeAxis()
    {
        var result = Query("SELECT time_bucket(INTERVAL 1 HOUR, to_timestamp(value)) AS bucket, count(*) AS requests FROM log GROUP BY 1 ORDER BY 1");

        var chart = SqlChart.Draw(result);

        Assert.Single(chart.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>());
        Assert.IsType<ScottPlot.AxisPanels.DateTimeXAxis>(chart.Plot.Axes.Bottom);
        AssertLabelled(chart.Plot, "bucket", "requests", result.RowCount);
    }

    [Fact]
    public void Draw_NumberByNumber_IsAScatter()
    {
        var result = Query("SELECT round(value, -1) AS decade, count(*) AS n FROM age WHERE value IS NOT NULL GROUP BY 1 ORDER BY 1");

        var chart = SqlChart.Draw(result);

        Assert.Single(chart.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>());
        AssertLabelled(chart.Plot, "decade", "n", result.RowCount);
    }

    [Fact]
    public void Draw_NoNumericColumn_ShowsTheFirstRowsAndSaysSo()
    {
        var result = Query("SELECT id, value AS cohort FROM cohort ORDER BY id");

        var chart = SqlChart.Draw(result);

        Assert.Contains("no numeric column", chart.Plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        Assert.Contains($"{result.RowCount} rows", chart.Plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        Assert.NotEmpty(chart.Plot.GetPlottables().OfType<ScottPlot.Plottables.Text>());
        Assert.True(chart.Plot.Legend.IsVisible);
    }

    [Fact]
    public void Draw_NoRows_SaysThereIsNothingToChart()
    {
        var result = Query("SELECT value AS cohort, count(*) AS n FROM cohort WHERE false GROUP BY 1");

        var chart = SqlChart.Draw(result);

        Assert.Contains("no rows", chart.Plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        Assert.True(chart.Plot.Legend.IsVisible);
        Assert.Equal(s_pngSignature, chart.Plot.GetImageBytes(ChartStyle.Width, ChartStyle.Height, ImageFormat.Png)[..8]);
    }

    private static void AssertLabelled(Plot plot, string x, string y, int rows)
    {
        Assert.Contains($"{rows} rows", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        Assert.Equal(x, plot.Axes.Bottom.Label.Text);
        Assert.Equal(y, plot.Axes.Left.Label.Text);
        Assert.True(plot.Legend.IsVisible);
        Assert.Equal(s_pngSignature, plot.GetImageBytes(ChartStyle.Width, ChartStyle.Height, ImageFormat.Png)[..8]);
    }

    private static SqlResult Query(string sql)
    {
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var tables = new Dictionary<string, DatasetTable>
        {
            ["age"] = SqlTestTables.Numbers(400, seed: 20),
            ["cohort"] = SqlTestTables.Labels(400, seed: 21, ["control", "treated", "placebo"]),
            ["log"] = SqlTestTables.EpochSeconds(2_000, seed: 22, start, TimeSpan.FromHours(30)),
        };
        return SqlQueryRunner.Run(new SqlArguments(sql, tables), new SqlSettings(), CancellationToken.None);
    }
}
