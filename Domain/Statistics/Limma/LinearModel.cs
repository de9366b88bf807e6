namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// Fits a <see cref="CellMeansModel"/> to each feature, as limma's <c>lmFit</c> followed by <c>contrasts.fit</c>.
/// Missing values (NaN or infinite) are dropped feature by feature, so the residual degrees of freedom differ
/// per feature, as in limma; a group without values makes its contrasts NaN.
/// </summary>
public static class LinearModel
{
    /// <summary>Fits each row of <paramref name="rows"/> (one feature, one value per sample column).</summary>
    public static LinearFit Fit(CellMeansModel model, IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var groups = model.GroupCount;
        var contrasts = model.Contrasts;
        var featureCount = rows.Count;
        var contrastCount = contrasts.Count;
        var coefficients = new double[featureCount * contrastCount];
        var stdevUnscaled = new double[featureCount * contrastCount];
        var sigma = new double[featureCount];
        var dfResidual = new double[featureCount];
        var aveExpr = new double[featureCount];
        var problems = new string?[featureCount];
        var sums = new double[groups];
        var counts = new int[groups];
        var means = new double[groups];

        for (var f = 0; f < featureCount; f++)
        {
            var row = rows[f];
            if (row.Length != model.ColumnCount)
            {
                throw new ArgumentException($"Row {f} has {row.Length} values; the design has {model.ColumnCount} columns.", nameof(rows));
            }

            Array.Clear(sums);
            Array.Clear(counts);
            var total = 0;
            var totalSum = 0.0;
            for (var c = 0; c < row.Length; c++)
            {
                var value = row[c];
                if (double.IsFinite(value))
                {
                    var g = model.GroupOf(c);
                    sums[g] += value;
                    counts[g]++;
                    totalSum += value;
                    total++;
                }
            }

            var rank = 0;
            for (var g = 0; g < groups; g++)
            {
                means[g] = counts[g] > 0 ? sums[g] / counts[g] : double.NaN;
                rank += counts[g] > 0 ? 1 : 0;
            }

            var residualSquares = 0.0;
            for (var c = 0; c < row.Length; c++)
            {
                var value = row[c];
                if (double.IsFinite(value))
                {
                    var deviation = value - means[model.GroupOf(c)];
                    residualSquares += deviation * deviation;
                }
            }

            var df = total - rank;
            dfResidual[f] = df;
            sigma[f] = df > 0 ? Math.Sqrt(residualSquares / df) : double.NaN;
            aveExpr[f] = total > 0 ? totalSum / total : double.NaN;
            problems[f] = Describe(model, counts, total);

            for (var k = 0; k < contrastCount; k++)
            {
                var contrast = contrasts[k];
                var index = (f * contrastCount) + k;
                if (counts[contrast.Minuend] > 0 && counts[contrast.Subtrahend] > 0)
                {
                    coefficients[index] = means[contrast.Minuend] - means[contrast.Subtrahend];
                    stdevUnscaled[index] = Math.Sqrt((1.0 / counts[contrast.Minuend]) + (1.0 / counts[contrast.Subtrahend]));
                }
                else
                {
                    coefficients[index] = double.NaN;
                    stdevUnscaled[index] = double.NaN;
                }
            }
        }

        return new LinearFit(featureCount, contrastCount, coefficients, stdevUnscaled, sigma, dfResidual, aveExpr, problems);
    }

    private static string? Describe(CellMeansModel model, int[] counts, int total)
    {
        if (total == 0)
        {
            return "no values";
        }

        for (var g = 0; g < counts.Length; g++)
        {
            if (counts[g] == 0)
            {
                return $"no values in {model.GroupNames[g]}";
            }
        }

        return null;
    }
}
