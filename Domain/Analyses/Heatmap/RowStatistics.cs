namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>Statistics of one feature's values across the samples, leaving missing values (NaN) out.</summary>
internal static class RowStatistics
{
    public static double Mean(double[] row)
    {
        var sum = 0.0;
        var n = 0;
        foreach (var value in row)
        {
            if (!double.IsNaN(value))
            {
                sum += value;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }

    public static double PopulationVariance(double[] row)
    {
        var mean = Mean(row);
        var sum = 0.0;
        var n = 0;
        foreach (var value in row)
        {
            if (!double.IsNaN(value))
            {
                sum += (value - mean) * (value - mean);
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }

    public static double Median(double[] row)
    {
        var values = new double[row.Length];
        var count = 0;
        foreach (var value in row)
        {
            if (!double.IsNaN(value))
            {
                values[count++] = value;
            }
        }

        if (count == 0)
        {
            return double.NaN;
        }

        Array.Sort(values, 0, count);
        var middle = count / 2;
        return count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>(x − mean) / population std; all NaN, with a reason, when the values are constant or missing.</summary>
    public static double[] ZScores(double[] row, out string? reason)
    {
        var mean = Mean(row);
        var std = Math.Sqrt(PopulationVariance(row));
        var z = new double[row.Length];
        reason = double.IsNaN(mean) ? "no values" : std == 0 ? "constant across the samples: no z-scores" : null;
        for (var i = 0; i < row.Length; i++)
        {
            z[i] = reason is null ? (row[i] - mean) / std : double.NaN;
        }

        return z;
    }
}
