using MathNet.Numerics;

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
        var groups = groupOfColumn.ToArray();
        for (var f = 0; f < count; f++)
        {
            var row = rows[f];
            if (row.Length != groupOfColumn.Count)
            {
                throw new ArgumentException($"Row {f} has {row.Length} values; there are {groupOfColumn.Count} columns.", nameof(rows));
            }

            var ((n1, mean1, variance1), (n2, mean2, variance2)) = Moments(row, groups);
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
            p[f] = SpecialFunctions.BetaRegularized(df[f] / 2, 0.5, df[f] / (df[f] + (t[f] * t[f])));
        }

        return new WelchTable(logFC, t, p, df, problems);
    }

    /// <summary>The count, mean and sample variance of each group's non-missing values, in two passes over the row.</summary>
    private static ((int Count, double Mean, double Variance) First, (int Count, double Mean, double Variance) Second) Moments(double[] row, int[] groups)
    {
        int n0 = 0, n1 = 0;
        double sum0 = 0, sum1 = 0;
        for (var c = 0; c < row.Length; c++)
        {
            var value = row[c];
            if (double.IsNaN(value))
            {
                continue;
            }

            if (groups[c] == 0)
            {
                n0++;
                sum0 += value;
            }
            else if (groups[c] == 1)
            {
                n1++;
                sum1 += value;
            }
        }

        var mean0 = n0 > 0 ? sum0 / n0 : double.NaN;
        var mean1 = n1 > 0 ? sum1 / n1 : double.NaN;
        double squares0 = 0, squares1 = 0;
        for (var c = 0; c < row.Length; c++)
        {
            var value = row[c];
            if (double.IsNaN(value))
            {
                continue;
            }

            if (groups[c] == 0)
            {
                squares0 += (value - mean0) * (value - mean0);
            }
            else if (groups[c] == 1)
            {
                squares1 += (value - mean1) * (value - mean1);
            }
        }

        return ((n0, mean0, n0 > 1 ? squares0 / (n0 - 1) : double.NaN), (n1, mean1, n1 > 1 ? squares1 / (n1 - 1) : double.NaN));
    }
}
