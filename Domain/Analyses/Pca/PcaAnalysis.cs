using Fractal.Domain.Data;
using Fractal.Domain.Statistics.Pca;
using MathNet.Numerics.LinearAlgebra;

namespace Fractal.Domain.Analyses.Pca;

/// <summary>
/// <c>compute-pca</c>: a matrix of the kept ids × all features of the given datasets, missing values
/// replaced by their feature's median, then scikit-learn's <c>PCA(whiten=...)</c> with every component,
/// with the sign of each component fixed as <see cref="PrincipalComponents.Fit"/> describes. Subsets and
/// categories label the scores afterwards, as in Fractalis.
/// </summary>
public static class PcaAnalysis
{
    public const string TaskName = "compute-pca";

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "Principal component analysis of ids x features with median imputation: scores, loadings and explained variance ratios.",
        Parameters =
        [
            new() { Name = "features", Kind = ParameterKind.DatasetList, Required = true, DataTypes = [DataType.Numerical.ToName(), DataType.NumericalArray.ToName()], Description = "The datasets whose features form the columns." },
            new() { Name = "whiten", Kind = ParameterKind.Boolean, Default = false, Description = "Scale each component's scores to unit variance." },
            CommonParameters.IdFilter,
            CommonParameters.Subsets,
            CommonParameters.Categories,
        ],
    };

    /// <summary>Runs the analysis.</summary>
    /// <exception cref="AnalysisArgumentException">No dataset, a dataset of the wrong type, a feature in two datasets, fewer than two ids, no feature with values, or no id in any subset.</exception>
    public static PcaResult Run(PcaArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (ids, features, rows) = BuildMatrix(arguments);
        var missing = rows.Sum(row => row.Count(double.IsNaN));
        var empty = MedianImputation.FillColumns(rows, features.Count).ToHashSet();
        var usedColumns = Enumerable.Range(0, features.Count).Where(column => !empty.Contains(column)).ToArray();
        if (usedColumns.Length == 0)
        {
            throw new AnalysisArgumentException("features", "No feature has a value among the ids kept.");
        }

        var matrix = Matrix<double>.Build.Dense(ids.Count, usedColumns.Length, (row, column) => rows[row][usedColumns[column]]);
        var fit = PrincipalComponents.Fit(matrix, arguments.Whiten);
        var rowOfId = ids.Select((id, row) => (id, row)).ToDictionary(pair => pair.id, pair => pair.row, StringComparer.Ordinal);
        var points = arguments.Scope.Apply(ids)
            .Select(entry => new PcaPoint(entry.Id, entry.Subset, entry.Category, [.. fit.Scores.Row(rowOfId[entry.Id])]))
            .ToList();

        return new PcaResult
        {
            Data = points,
            Loadings = [.. usedColumns.Select((column, row) => new PcaLoading(features[column], [.. fit.Loadings.Row(row)]))],
            VarianceRatios = fit.VarianceRatios,
            ExplainedVariance = fit.ExplainedVariance,
            Whiten = arguments.Whiten,
            DroppedFeatures = [.. empty.Order().Select(column => features[column])],
            ImputedValues = missing - (empty.Count * ids.Count),
            Reason = arguments.Whiten && fit.Degenerate.Any(flag => flag)
                ? "A component has zero variance; its whitened scores are not defined (NaN)."
                : null,
        };
    }

    private static (List<string> Ids, List<string> Features, double[][] Rows) BuildMatrix(PcaArguments arguments)
    {
        if (arguments.Features.Count == 0)
        {
            throw new AnalysisArgumentException("features", "Name at least one numerical or numerical_array dataset.");
        }

        var ids = new List<string>();
        var idIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var features = new List<string>();
        var featureIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<(int Row, int Column), double>();
        for (var index = 0; index < arguments.Features.Count; index++)
        {
            var table = arguments.Features[index];
            if (table.DataType is not (DataType.Numerical or DataType.NumericalArray))
            {
                throw new AnalysisArgumentException("features", $"features[{index}] is {table.DataType.ToName()}; use numerical or numerical_array datasets.");
            }

            foreach (var feature in table.DistinctFeatures())
            {
                if (!featureIndex.TryAdd(feature, features.Count))
                {
                    throw new AnalysisArgumentException("features", $"The feature '{feature}' appears in more than one dataset.");
                }

                features.Add(feature);
            }

            for (var row = 0; row < table.RowCount; row++)
            {
                var id = table.Ids[row];
                if (!arguments.Scope.Keeps(id))
                {
                    continue;
                }

                if (!idIndex.TryGetValue(id, out var rowIndex))
                {
                    rowIndex = ids.Count;
                    idIndex.Add(id, rowIndex);
                    ids.Add(id);
                }

                cells.TryAdd((rowIndex, featureIndex[table.Features[row]]), table.Numbers[row]);
            }
        }

        if (ids.Count < 2)
        {
            throw new AnalysisArgumentException("features", $"A PCA needs at least 2 ids; {ids.Count} kept.");
        }

        var rows = new double[ids.Count][];
        for (var row = 0; row < ids.Count; row++)
        {
            rows[row] = new double[features.Count];
            for (var column = 0; column < features.Count; column++)
            {
                rows[row][column] = cells.TryGetValue((row, column), out var value) ? value : double.NaN;
            }
        }

        return (ids, features, rows);
    }
}
