using MathNet.Numerics.Distributions;

namespace Fractal.Domain.Analyses.Volcano;

/// <summary>Welch's t-test of two groups of sample columns, feature by feature (see <see cref="WelchTable"/>).</summary>
public static class WelchTTest
{
    /// <summary>Tests each row of <paramref name="rows"/>: <paramref name="groupOfColumn"/> is 0 or 1 per column (other values are ignored).</summary>
    public static WelchTable Compute(IReadOnlyList<double[]> rows, IReadOnlyList<int> groupOfColumn)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(groupOfColumn);
        var count = rows.Count;
        var logFC = new double[count];
        var t = new double[count];
        var p = new double[count];
        var df = new double[count];
        var problems = new string?[count];
        for (var f = 0; f < count; f++)
        {
            var row = rows[f];
            if (row.Length != groupOfColumn.Count)
            {
                throw new ArgumentException($"Row {f} has {row.Length} values; there are {groupOfColumn.Count} columns.", nameof(rows));
            }

            var (n1, mean1, variance1) = Moments(row, groupOfColumn, 0);
            var (n2, mean2, variance2) = Moments(row, groupOfColumn, 1);
            logFC[f] = n1 > 0 && n2 > 0 ? mean2 - mean1 : double.NaN;
            if (n1 < 2 || n2 < 2)
            {
                (t[f], p[f], df[f]) = (double.NaN, double.NaN, double.NaN);
                problems[f] = $"fewer than 2 values in {(n1 < 2 ? "s1" : "s2")}";
                continue;
            }

            var se1 = variance1 / n1;
            var se2 = variance2 / n2;
            var se = se1 + se2;
            if (se == 0)
            {
                (t[f], p[f], df[f]) = (double.NaN, double.NaN, double.NaN);
                problems[f] = "constant within both groups";
                continue;
            }

            t[f] = (mean2 - mean1) / Math.Sqrt(se);
            df[f] = se * se / ((se1 * se1 / (n1 - 1)) + (se2 * se2 / (n2 - 1)));
            p[f] = 2 * StudentT.CDF(0, 1, df[f], -Math.Abs(t[f]));
        }

        return new WelchTable(logFC, t, p, df, problems);
    }

    private static (int Count, double Mean, double Variance) Moments(double[] row, IReadOnlyList<int> groups, int group)
    {
        var n = 0;
        var sum = 0.0;
        for (var c = 0; c < row.Length; c++)
        {
            if (groups[c] == group && !double.IsNaN(row[c]))
            {
                n++;
                sum += row[c];
            }
        }

        if (n == 0)
        {
            return (0, double.NaN, double.NaN);
        }

        var mean = sum / n;
        var squares = 0.0;
        for (var c = 0; c < row.Length; c++)
        {
            if (groups[c] == group && !double.IsNaN(row[c]))
            {
                var d = row[c] - mean;
                squares += d * d;
            }
        }

        return (n, mean, n > 1 ? squares / (n - 1) : double.NaN);
    }
}
