using System.Globalization;
using System.Text.Json;
using Fractal.Domain.Analyses.Sql;
using Fractal.FunctionApp.Analytics.Charts;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>
/// A query result's first numeric column by its first column: bars by label, a line over time when
/// the first column is a date or timestamp, a scatter when it is a number. A result with no rows or
/// no numeric column is shown as the table of its first rows, and its title says there was nothing
/// to plot.
/// </summary>
internal static class SqlChart
{
    private const int MaxBars = 60;
    private const int MaxTableRows = 20;
    private const int MaxTableColumns = 6;
    private const int MaxCellLength = 24;

    /// <summary>The share of the data area kept free above the data, where the legend sits.</summary>
    private const double LegendRoom = 0.15;

    public static NamedPlot Draw(SqlResult result)
    {
        var columns = result.Columns;
        var numeric = Enumerable.Range(0, columns.Count).Where(i => columns[i].Kind == SqlValueKind.Number).ToList();
        if (result.RowCount == 0)
        {
            return Table(result, "no rows, nothing to chart");
        }

        if (numeric.Count == 0)
        {
            return Table(result, $"{result.RowCount} rows, no numeric column to chart");
        }

        var y = numeric.FirstOrDefault(i => i > 0, numeric[0]);
        if (y == 0)
        {
            return Scatter(result, null, 0);
        }

        return columns[0].Kind switch
        {
            SqlValueKind.Number => Scatter(result, 0, y),
            SqlValueKind.Time when result.Rows.All(row => row[0] is null || TryTime(row[0], out _)) => OverTime(result, y),
            _ => Bars(result, y),
        };
    }

    private static NamedPlot Bars(SqlResult result, int y)
    {
        var shown = result.Rows.Take(MaxBars).ToList();
        var plot = ChartStyle.Create(Title(result, y, 0, shown.Count), result.Columns[0].Name, result.Columns[y].Name);
        var values = shown.Select(row => Number(row[y])).ToArray();
        var bars = plot.Add.Bars(values.Select(v => double.IsFinite(v) ? v : 0).ToArray());
        bars.Color = ChartStyle.Color(0);
        bars.LegendText = $"{result.Columns[y].Name} ({shown.Count} bars)";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. shown.Select((row, i) => new Tick(i, Label(row[0])))]);
        if (shown.Count > 8)
        {
            // Slanted labels, ending under their bar, with room below for the longest.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 40 + (8 * shown.Max(row => Label(row[0]).Length));
        }

        plot.Axes.Margins(bottom: 0, top: LegendRoom);
        plot.ShowLegend(Alignment.UpperRight);
        return new NamedPlot("sql", plot);
    }

    private static NamedPlot OverTime(SqlResult result, int y)
    {
        var points = result.Rows
            .Select(row => (Time: TryTime(row[0], out var time) ? time : (DateTime?)null, Value: Number(row[y])))
            .Where(point => point.Time is not null && double.IsFinite(point.Value))
            .OrderBy(point => point.Time)
            .ToList();
        var plot = ChartStyle.Create(Title(result, y, 0, result.RowCount), result.Columns[0].Name, result.Columns[y].Name);
        var line = plot.Add.Scatter(points.Select(p => p.Time!.Value).ToArray(), points.Select(p => p.Value).ToArray(), ChartStyle.Color(0));
        line.LegendText = $"{result.Columns[y].Name} ({points.Count} points)";
        plot.Axes.Margins(top: LegendRoom);
        plot.Axes.DateTimeTicksBottom();

        // The time axis replaces the bottom axis, so its label is set again.
        plot.XLabel(result.Columns[0].Name);
        plot.ShowLegend(Alignment.UpperRight);
        return new NamedPlot("sql", plot);
    }

    /// <summary>Column <paramref name="y"/> against column <paramref name="x"/>, or against the row number when <paramref name="x"/> is null.</summary>
    private static NamedPlot Scatter(SqlResult result, int? x, int y)
    {
        var points = result.Rows
            .Select((row, i) => (X: x is { } column ? Number(row[column]) : i + 1, Y: Number(row[y])))
            .Where(point => double.IsFinite(point.X) && double.IsFinite(point.Y))
            .ToList();
        var xName = x is { } index ? result.Columns[index].Name : "row";
        var plot = ChartStyle.Create(Title(result, y, x, result.RowCount), xName, result.Columns[y].Name);
        var ordered = points.Zip(points.Skip(1), (a, b) => a.X <= b.X).All(ascending => ascending);
        var xs = points.Select(p => p.X).ToArray();
        var ys = points.Select(p => p.Y).ToArray();
        var scatter = ordered ? plot.Add.Scatter(xs, ys, ChartStyle.Color(0)) : plot.Add.ScatterPoints(xs, ys, ChartStyle.Color(0));
        scatter.LegendText = $"{result.Columns[y].Name} ({points.Count} points)";
        plot.Axes.Margins(top: LegendRoom);
        plot.ShowLegend(Alignment.UpperRight);
        return new NamedPlot("sql", plot);
    }

    private static NamedPlot Table(SqlResult result, string why)
    {
        var columns = result.Columns.Take(MaxTableColumns).ToList();
        var rows = result.Rows.Take(MaxTableRows).ToList();
        var plot = ChartStyle.Create(
            rows.Count < result.RowCount ? $"SQL result: {why} (first {rows.Count} rows shown)" : $"SQL result: {why}", "column", "row");
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = plot.Add.Text(Label(rows[r][c]), c, -r);
                cell.LabelFontSize = 12;
                cell.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. columns.Select((column, c) => new Tick(c, $"{column.Name} ({column.Type})"))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. rows.Select((_, r) => new Tick(-r, (r + 1).ToString(CultureInfo.InvariantCulture)))]);
        plot.HideGrid();
        // Two empty rows below the last, for the legend.
        plot.Axes.SetLimits(-0.5, Math.Max(columns.Count, 1) - 0.5, -Math.Max(rows.Count, 1) - 1.5, 0.5);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{result.Columns.Count} columns, {result.Columns.Count(c => c.Kind == SqlValueKind.Number)} numeric", FillColor = ChartStyle.Color(0) });
        plot.ShowLegend(Alignment.LowerRight);
        return new NamedPlot("sql", plot);
    }

    private static string Title(SqlResult result, int y, int? x, int shown)
    {
        var by = x is { } column ? result.Columns[column].Name : "row";
        var rows = shown < result.RowCount ? $"first {shown} of {result.RowCount} rows" : $"{result.RowCount} rows";
        return $"SQL: {result.Columns[y].Name} by {by} ({rows})";
    }

    private static double Number(object? value) => value switch
    {
        double number => number,
        long number => number,
        ulong number => number,
        decimal number => (double)number,
        _ => double.NaN,
    };

    private static bool TryTime(object? value, out DateTime time)
    {
        time = value switch
        {
            DateTime timestamp => timestamp,
            DateTimeOffset timestamp => timestamp.UtcDateTime,
            DateOnly date => date.ToDateTime(TimeOnly.MinValue),
            _ => default,
        };
        return value is DateTime or DateTimeOffset or DateOnly;
    }

    private static string Label(object? value)
    {
        var text = value switch
        {
            null => "NULL",
            string label => label,
            DateTime timestamp => timestamp.ToString("s", CultureInfo.InvariantCulture),
            double number => ChartStyle.Number(number),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => JsonSerializer.Serialize(value),
        };
        return text.Length <= MaxCellLength ? text : string.Concat(text.AsSpan(0, MaxCellLength - 1), "…");
    }
}
