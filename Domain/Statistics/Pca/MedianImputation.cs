using MathNet.Numerics.Statistics;

namespace Fractal.Domain.Statistics.Pca;

/// <summary>Fills missing values as scikit-learn's <c>SimpleImputer(strategy="median")</c>.</summary>
public static class MedianImputation
{
    /// <summary>
    /// Replaces each NaN with the median of the other values in its column (the mean of the middle two
    /// for an even count); a column with no value at all cannot be filled and is reported, not changed.
    /// </summary>
    /// <returns>The columns that are entirely missing.</returns>
    public static IReadOnlyList<int> FillColumns(double[][] rows, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var empty = new List<int>();
        for (var column = 0; column < columnCount; column++)
        {
            var present = rows.Select(row => row[column]).Where(value => !double.IsNaN(value)).Order().ToArray();
            if (present.Length == 0)
            {
                empty.Add(column);
                continue;
            }

            var median = SortedArrayStatistics.QuantileCustom(present, 0.5, QuantileDefinition.R7);
            foreach (var row in rows)
            {
                if (double.IsNaN(row[column]))
                {
                    row[column] = median;
                }
            }
        }

        return empty;
    }
}
