using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Data;
using Fractal.Domain.Statistics.DESeq2;
using Fractal.Domain.Statistics.Limma;
using Fractal.Domain.Statistics.MultipleTesting;

namespace Fractal.Domain.Analyses.Volcano;

/// <summary>
/// <c>compute-volcanoplot</c>: per feature the difference of two subsets (s2 − s1) and its significance, by limma
/// (moderated t, B), Welch's t-test or DESeq2 (counts), with Benjamini–Hochberg adjusted p-values; with three or
/// more subsets (limma only), limma's moderated F test over every pairwise contrast, as Fractalis runs it. To fan out
/// over chunks of features, build the <see cref="FeatureMatrix"/> once, run <see cref="LinearModel.Fit"/> (limma) or
/// <see cref="WelchTTest.Compute"/> per chunk, and join with <see cref="FromLimma"/> or <see cref="FromWelch"/>;
/// DESeq2 shares its dispersion trend across all features, so <see cref="RunDESeq2"/> takes the whole matrix.
/// </summary>
public static class VolcanoAnalysis
{
    public const string TaskName = "compute-volcanoplot";

    /// <summary>The ranking method for count data, as Fractalis and Fractal.js name it.</summary>
    public const string DESeq2Method = "DESeq2";

    /// <summary>The ranking methods: <c>limma</c>, <c>welch</c> and <c>DESeq2</c>.</summary>
    public static IReadOnlyList<string> RankingMethods { get; } = ["limma", "welch", DESeq2Method];

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "Difference (logFC) and significance of every feature of numerical arrays between two subsets, by limma, Welch's t-test or DESeq2 (counts), with Benjamini-Hochberg adjusted p-values; with three or more subsets (limma only), limma's moderated F test over every pairwise contrast.",
        Parameters =
        [
            new() { Name = "numerical_arrays", Kind = ParameterKind.DatasetList, Required = true, DataTypes = [DataType.NumericalArray.ToName()], Description = "The numerical array datasets (features x samples; log scale for limma and welch, raw counts for DESeq2)." },
            new() { Name = "ranking_method", Kind = ParameterKind.Text, AllowedValues = RankingMethods, Default = "limma", Description = "limma (moderated t and B for two subsets, moderated F for more), welch (Welch's t-test; two subsets) or DESeq2 (negative binomial Wald test of counts; two subsets)." },
            new() { Name = "min_total_row_count", Kind = ParameterKind.WholeNumber, Default = 0, Description = "DESeq2 only: features whose counts total less than this over the subsets' samples are left out before testing." },
            CommonParameters.IdFilter,
            CommonParameters.Subsets,
        ],
    };

    /// <summary>Runs the analysis in one step.</summary>
    /// <exception cref="AnalysisArgumentException">An unknown ranking method, too few or (Welch) too many subsets, or unusable data.</exception>
    public static VolcanoResult Run(VolcanoArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var method = ValidateRankingMethod(arguments.RankingMethod);
        var matrix = Prepare(arguments);
        var (model, rows) = matrix.ForSubsets();
        if (method == "welch")
        {
            return FromWelch(matrix, model, WelchTTest.Compute(rows, [.. Enumerable.Range(0, model.ColumnCount).Select(model.GroupOf)]));
        }

        if (method == DESeq2Method)
        {
            return RunDESeq2(matrix, arguments.MinTotalRowCount);
        }

        try
        {
            return FromLimma(matrix, model, LimmaPipeline.TopTable(model, rows));
        }
        catch (ArgumentException error) when (error is not AnalysisArgumentException)
        {
            throw new AnalysisArgumentException("numerical_arrays", error.Message);
        }
    }

    /// <summary>Checks the arguments and builds the matrix: two or more subsets for limma, exactly two for Welch and DESeq2.</summary>
    /// <exception cref="AnalysisArgumentException">Too few or (Welch, DESeq2) too many subsets, or unusable data.</exception>
    public static FeatureMatrix Prepare(VolcanoArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        CheckSubsetCount(arguments.RankingMethod, arguments.Scope.SubsetCount);
        return FeatureMatrix.Build(arguments.NumericalArrays, arguments.Scope, "numerical_arrays");
    }

    /// <summary>Checks the ranking method and that it can compare <paramref name="subsetCount"/> subsets: limma two or more, Welch and DESeq2 exactly two.</summary>
    /// <exception cref="AnalysisArgumentException">An unknown ranking method, or a number of subsets it cannot compare.</exception>
    public static void CheckSubsetCount(string rankingMethod, int subsetCount)
    {
        var method = ValidateRankingMethod(rankingMethod);
        if (method is "welch" or DESeq2Method && subsetCount != 2)
        {
            var name = method == "welch" ? "Welch's t-test" : "DESeq2";
            throw new AnalysisArgumentException("subsets", $"{name} compares exactly two subsets; {subsetCount} were given (limma compares two or more).");
        }

        if (subsetCount < 2)
        {
            throw new AnalysisArgumentException("subsets", $"A volcano plot compares two or more subsets; {subsetCount} was given.");
        }
    }

    /// <summary>
    /// The result from limma's top table over all features: the moderated t of s2 against s1 for two subsets,
    /// the moderated F over every pairwise contrast for more.
    /// </summary>
    public static VolcanoResult FromLimma(FeatureMatrix matrix, CellMeansModel model, LimmaTable table)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        var features = new VolcanoFeature[table.FeatureCount];
        var contrasts = table.ContrastNames.Count;
        for (var f = 0; f < features.Length; f++)
        {
            features[f] = table.IsPairwise
                ? new VolcanoFeature
                {
                    Feature = matrix.Features[f],
                    LogFC = table.LogFC[f],
                    PValue = table.PValue[f],
                    AdjPValue = table.AdjPValue[f],
                    T = table.T[f],
                    B = table.B[f],
                    AveExpr = table.AveExpr[f],
                    Reason = table.Problems[f],
                }
                : new VolcanoFeature
                {
                    Feature = matrix.Features[f],
                    LogFC = double.NaN,
                    PValue = table.PValue[f],
                    AdjPValue = table.AdjPValue[f],
                    T = double.NaN,
                    AveExpr = table.AveExpr[f],
                    F = table.F[f],
                    LogFCs = table.LogFC[(f * contrasts)..((f + 1) * contrasts)],
                    Reason = table.Problems[f],
                };
        }

        return new VolcanoResult
        {
            Statistics = features,
            RankingMethod = "limma",
            SubsetSizes = SubsetSizes(model),
            Contrasts = table.IsPairwise ? null : table.ContrastNames,
        };
    }

    /// <summary>The result from Welch's t-tests over all features (the p-values are adjusted here).</summary>
    public static VolcanoResult FromWelch(FeatureMatrix matrix, CellMeansModel model, WelchTable table)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        var adjusted = BenjaminiHochberg.Adjust(table.PValue);
        var features = new VolcanoFeature[table.FeatureCount];
        for (var f = 0; f < features.Length; f++)
        {
            features[f] = new VolcanoFeature
            {
                Feature = matrix.Features[f],
                LogFC = table.LogFC[f],
                PValue = table.PValue[f],
                AdjPValue = adjusted[f],
                T = table.T[f],
                Reason = table.Problems[f],
            };
        }

        return new VolcanoResult { Statistics = features, RankingMethod = "welch", SubsetSizes = SubsetSizes(model) };
    }

    /// <summary>
    /// DESeq2 over the whole matrix, s2 against s1, as Fractalis runs it: features whose counts total less than
    /// <paramref name="minTotalRowCount"/> over the subsets' samples are left out first.
    /// </summary>
    /// <exception cref="AnalysisArgumentException">The values are not counts, or DESeq2 cannot fit them (no replicates, every feature with a zero).</exception>
    public static VolcanoResult RunDESeq2(FeatureMatrix matrix, int minTotalRowCount)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var (model, rows) = matrix.ForSubsets();
        var kept = Enumerable.Range(0, rows.Length).Where(f => !(rows[f].Sum() < minTotalRowCount)).ToArray();
        DESeq2Table table;
        try
        {
            table = DESeq2Pipeline.Run([.. kept.Select(f => rows[f])], [.. Enumerable.Range(0, model.ColumnCount).Select(model.GroupOf)]);
        }
        catch (ArgumentException error) when (error is not AnalysisArgumentException)
        {
            throw new AnalysisArgumentException("numerical_arrays", error.Message);
        }

        var features = new VolcanoFeature[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            features[i] = new VolcanoFeature
            {
                Feature = matrix.Features[kept[i]],
                LogFC = table.Log2FoldChange[i],
                PValue = table.PValue[i],
                AdjPValue = table.AdjustedPValue[i],
                T = table.Stat[i],
                BaseMean = table.BaseMean[i],
                LfcSE = table.LfcStandardError[i],
                Reason = DESeq2Reason(table, i),
            };
        }

        return new VolcanoResult { Statistics = features, RankingMethod = DESeq2Method, SubsetSizes = SubsetSizes(model) };
    }

    private static string? DESeq2Reason(DESeq2Table table, int i) =>
        !table.Converged[i] ? "the fit did not converge; DESeq2 refits such a feature with optim, so these values differ from its"
        : table.BaseMean[i] == 0 ? "every count is zero"
        : double.IsNaN(table.PValue[i]) ? "a count is an outlier by Cook's distance"
        : double.IsNaN(table.AdjustedPValue[i]) ? "left out of the adjustment by independent filtering (low mean count)"
        : null;

    private static int[] SubsetSizes(CellMeansModel model) => [.. Enumerable.Range(0, model.GroupCount).Select(model.GroupSize)];

    private static string ValidateRankingMethod(string? method)
    {
        if (method is null || !RankingMethods.Contains(method, StringComparer.Ordinal))
        {
            throw new AnalysisArgumentException("ranking_method", $"'{method}' is not a ranking method; use one of {string.Join(", ", RankingMethods)}.");
        }

        return method;
    }
}
