using Fractal.Domain.Data;
using Fractal.Domain.Statistics;
using Fractal.Domain.Statistics.Clustering;
using Fractal.Domain.Statistics.Limma;

namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>
/// <c>compute-heatmap</c>, as Fractalis computes it: numerical arrays pivoted to features × ids, per-feature
/// z-scores across the ids (population standard deviation), per-feature statistics ranked by the ranking method
/// (<c>mean</c>, <c>median</c>, <c>variance</c>: largest first; <c>limma</c>: smallest <c>P.Value</c> first), the top
/// <c>max_rows</c> features kept, and rows and columns ordered by hierarchical clustering of the z-scores (average
/// linkage, Euclidean; a missing z-score counts as 0). Missing values are left out of every statistic.
/// To fan the limma ranking out over chunks of features, run <see cref="Prepare"/>, the limma steps per chunk,
/// <see cref="HeatmapStatistics.FromLimma"/>, then <see cref="Finish"/>.
/// </summary>
public static class HeatmapAnalysis
{
    public const string TaskName = "compute-heatmap";

    /// <summary>The ranking methods.</summary>
    public static IReadOnlyList<string> RankingMethods { get; } = ["mean", "median", "variance", "limma"];

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "Z-scores of the top-ranked features of numerical arrays, ranked by mean, median, variance or limma, with clustered row and column orders.",
        Parameters =
        [
            new() { Name = "numerical_arrays", Kind = ParameterKind.DatasetList, Required = true, DataTypes = [DataType.NumericalArray.ToName()], Description = "The numerical array datasets (features x samples)." },
            new() { Name = "ranking_method", Kind = ParameterKind.Text, AllowedValues = RankingMethods, Default = "mean", Description = "How features are ranked: mean, median, variance (largest first) or limma (smallest P.Value first; needs two or more subsets)." },
            new() { Name = "rank_by", Kind = ParameterKind.Text, AllowedValues = LimmaRankColumns.All, Default = LimmaRankColumns.PValue, Description = "With limma, the column of its table to rank by: P.Value and adj.P.Val smallest first, logFC and t largest absolute value first, AveExpr, F and B largest first. logFC, t and B need exactly two subsets, F more than two." },
            new() { Name = "max_rows", Kind = ParameterKind.WholeNumber, Default = 100, Description = "How many top-ranked features to keep (at least 1)." },
            CommonParameters.IdFilter,
            CommonParameters.Subsets,
        ],
    };

    /// <summary>Runs the analysis in one step.</summary>
    /// <exception cref="AnalysisArgumentException">An unknown ranking method, a bad <c>max_rows</c>, or unusable data or subsets.</exception>
    public static HeatmapResult Run(HeatmapArguments arguments)
    {
        var matrix = Prepare(arguments);
        return Finish(matrix, Rank(matrix, arguments.RankingMethod, arguments.RankBy), arguments.MaxRows, arguments.RankingMethod);
    }

    /// <summary>Checks the arguments and builds the matrix.</summary>
    /// <exception cref="AnalysisArgumentException">
    /// An unknown ranking method, a bad <c>max_rows</c>, unusable data, or a <c>rank_by</c> column that limma's table for these subsets lacks.
    /// </exception>
    public static FeatureMatrix Prepare(HeatmapArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!RankingMethods.Contains(arguments.RankingMethod, StringComparer.Ordinal))
        {
            throw new AnalysisArgumentException("ranking_method", $"'{arguments.RankingMethod}' is not a ranking method; use one of {string.Join(", ", RankingMethods)}.");
        }

        if (arguments.MaxRows < 1)
        {
            throw new AnalysisArgumentException("max_rows", $"max_rows must be at least 1; it is {arguments.MaxRows}.");
        }

        LimmaRankColumns.OrderOf(arguments.RankBy);
        var matrix = FeatureMatrix.Build(arguments.NumericalArrays, arguments.Scope, "numerical_arrays");
        if (arguments.RankingMethod == "limma" && matrix.SubsetCount >= 2)
        {
            LimmaRankColumns.Require(arguments.RankBy, pairwise: matrix.SubsetCount == 2);
        }

        return matrix;
    }

    /// <summary>
    /// The statistics of every feature for <paramref name="rankingMethod"/> (limma in one step, ranked by its column
    /// <paramref name="rankBy"/>).
    /// </summary>
    /// <exception cref="AnalysisArgumentException">limma with fewer than two subsets, with no residual degrees of freedom, or without the column.</exception>
    public static HeatmapStatistics Rank(FeatureMatrix matrix, string rankingMethod, string rankBy = LimmaRankColumns.PValue)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (rankingMethod == "limma")
        {
            var (model, rows) = matrix.ForSubsets();
            try
            {
                return HeatmapStatistics.FromLimma(matrix.Features, LimmaPipeline.TopTable(model, rows), rankBy);
            }
            catch (ArgumentException error) when (error is not AnalysisArgumentException)
            {
                throw new AnalysisArgumentException("numerical_arrays", error.Message);
            }
        }

        var values = new double[matrix.Features.Count];
        for (var f = 0; f < values.Length; f++)
        {
            values[f] = rankingMethod switch
            {
                "mean" => RowStatistics.Mean(matrix.Values[f]),
                "median" => RowStatistics.Median(matrix.Values[f]),
                "variance" => RowStatistics.PopulationVariance(matrix.Values[f]),
                _ => throw new AnalysisArgumentException("ranking_method", $"'{rankingMethod}' is not a ranking method; use one of {string.Join(", ", RankingMethods)}."),
            };
        }

        return new HeatmapStatistics(matrix.Features, [new(rankingMethod, values)], rankingMethod, RankOrder.LargestFirst);
    }

    /// <summary>Ranks the features by <paramref name="statistics"/>, keeps the top <paramref name="maxRows"/>, computes z-scores and the clustered orders.</summary>
    public static HeatmapResult Finish(FeatureMatrix matrix, HeatmapStatistics statistics, int maxRows, string rankingMethod)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(statistics);
        var keep = TopFeatures(statistics.Column(statistics.RankBy), statistics.Order, maxRows);
        var notes = new List<FeatureNote>();
        var zScores = new double[keep.Length][];
        for (var i = 0; i < keep.Length; i++)
        {
            var f = keep[i];
            zScores[i] = RowStatistics.ZScores(matrix.Values[f], out var reason);
            reason ??= statistics.Problems[f];
            if (reason is not null)
            {
                notes.Add(new FeatureNote(matrix.Features[f], reason));
            }
        }

        var keptFeatures = keep.Select(f => matrix.Features[f]).ToArray();
        var columns = statistics.Columns.Select(pair => new KeyValuePair<string, double[]>(pair.Key, [.. keep.Select(f => ((double[])pair.Value)[f])])).ToList();
        var kept = new HeatmapStatistics(keptFeatures, columns, statistics.RankBy, statistics.Order, [.. keep.Select(f => statistics.Problems[f])]);

        var idColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < matrix.Ids.Count; c++)
        {
            idColumn.Add(matrix.Ids[c], c);
        }

        var cells = new List<HeatmapCell>(keep.Length * matrix.Samples.Count);
        for (var i = 0; i < keep.Length; i++)
        {
            foreach (var sample in matrix.Samples)
            {
                var c = idColumn[sample.Id];
                cells.Add(new HeatmapCell(keptFeatures[i], sample.Id, matrix.Values[keep[i]][c], zScores[i][c], sample.Subset));
            }
        }

        return new HeatmapResult
        {
            Data = cells,
            Statistics = kept,
            RankingMethod = rankingMethod,
            RankBy = statistics.RankBy,
            RowOrder = [.. DendrogramOrder(zScores).Select(i => keptFeatures[i])],
            ColumnOrder = [.. DendrogramOrder(JaggedMatrix.Transpose(zScores, matrix.Ids.Count)).Select(c => matrix.Ids[c])],
            Notes = notes,
        };
    }

    // Stable: equal keys keep their input order; NaN ranks last.
    private static int[] TopFeatures(double[] values, RankOrder order, int maxRows)
    {
        var keys = order switch
        {
            RankOrder.SmallestFirst => (double[])values.Clone(),
            RankOrder.LargestMagnitudeFirst => [.. values.Select(value => -Math.Abs(value))],
            _ => [.. values.Select(value => -value)],
        };
        var ranked = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(ranked, (a, b) =>
        {
            var x = keys[a];
            var y = keys[b];
            var byKey = double.IsNaN(x) || double.IsNaN(y) ? double.IsNaN(x).CompareTo(double.IsNaN(y)) : x.CompareTo(y);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        return ranked[..Math.Min(maxRows, ranked.Length)];
    }

    private static int[] DendrogramOrder(double[][] rows)
    {
        if (rows.Length < 2)
        {
            return [.. Enumerable.Range(0, rows.Length)];
        }

        var filled = rows.Select(row => row.Select(z => double.IsNaN(z) ? 0.0 : z).ToArray()).ToArray();
        return ClusterTree.LeafOrder(HierarchicalClustering.Linkage(filled, LinkageMethod.Average, DistanceMetric.Euclidean));
    }
}
