using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Tests.Statistics;

namespace Fractal.Domain.Tests.Analyses.Heatmap;

/// <summary><c>compute-heatmap</c> with <c>ranking_method: limma</c> ranked by a column of limma's table (<c>rank_by</c>).</summary>
public sealed class HeatmapRankByTests
{
    private static readonly string[][] s_halves = [["p0", "p1", "p2"], ["p3", "p4", "p5"]];

    [Theory]
    [InlineData("logFC", RankOrder.LargestMagnitudeFirst)]
    [InlineData("t", RankOrder.LargestMagnitudeFirst)]
    [InlineData("AveExpr", RankOrder.LargestFirst)]
    [InlineData("B", RankOrder.LargestFirst)]
    [InlineData("P.Value", RankOrder.SmallestFirst)]
    [InlineData("adj.P.Val", RankOrder.SmallestFirst)]
    public void OrderOf_LimmaColumn_IsTheOrderFractalisSortsItIn(string column, RankOrder expected)
    {
        Assert.Equal(expected, LimmaRankColumns.OrderOf(column));
    }

    [Theory]
    [InlineData("logFC")]
    [InlineData("t")]
    [InlineData("AveExpr")]
    [InlineData("B")]
    [InlineData("P.Value")]
    [InlineData("adj.P.Val")]
    public void Run_TwoSubsetsRankedByColumn_EveryFeatureInThatColumnsOrderWithTiesInFeatureOrder(string column)
    {
        var (arguments, features) = TwoGroups(column);

        var result = HeatmapAnalysis.Run(arguments);

        var ranked = result.Statistics.Features.Select(feature => Array.IndexOf(features, feature)).ToArray();
        var keys = Keys(result.Statistics.Column(column), LimmaRankColumns.OrderOf(column));
        Assert.Equal(features.Length, ranked.Length);
        for (var i = 1; i < ranked.Length; i++)
        {
            Assert.True(keys[i - 1] < keys[i] || (keys[i - 1] == keys[i] && ranked[i - 1] < ranked[i]), $"{column}: rank {i} is out of order.");
        }
    }

    [Theory]
    [InlineData("logFC")]
    [InlineData("t")]
    [InlineData("B")]
    [InlineData("P.Value")]
    public void Run_TwoSubsetsRankedByColumn_KeepsTheTopOfTheFullRanking(string column)
    {
        var (arguments, _) = TwoGroups(column);
        var all = HeatmapAnalysis.Run(arguments);

        var top = HeatmapAnalysis.Run(arguments with { MaxRows = 7 });

        Assert.Equal(all.Statistics.Features.Take(7), top.Statistics.Features);
        Assert.Equal(all.Statistics.Column(column).Take(7), top.Statistics.Column(column));
    }

    [Fact]
    public void Run_RankedByLogFC_OppositeFoldChangesOfOneSizeTieInFeatureOrderAheadOfSmallerOnes()
    {
        double[][] rows = [[1, 2, 3, 2, 3, 4], [11, 12, 13, 1, 2, 3], [1, 2, 3, 11, 12, 13]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", 3, new AnalysisScope(null, s_halves, null), "logFC");

        var result = HeatmapAnalysis.Run(arguments);

        Assert.Equal(["f1", "f2", "f0"], result.Statistics.Features);
        Assert.Equal(-result.Statistics.Column("logFC")[0], result.Statistics.Column("logFC")[1]);
    }

    [Theory]
    [InlineData("logFC")]
    [InlineData("AveExpr")]
    [InlineData("P.Value")]
    [InlineData("B")]
    public void Run_RankedByColumn_FeatureWithoutTheStatisticRanksLast(string column)
    {
        double[][] rows = [[1, 2, 3, 2, 3, 5], [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN], [1, 2, 4, 9, 12, 13]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", 3, new AnalysisScope(null, s_halves, null), column);

        var result = HeatmapAnalysis.Run(arguments);

        Assert.Equal("f1", result.Statistics.Features[^1]);
        Assert.True(double.IsNaN(result.Statistics.Column(column)[^1]));
    }

    [Fact]
    public void Run_ThreeSubsetsRankedByF_LargestFFirst()
    {
        var fixture = ReferenceFixture.Load("limma", "three_groups");
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", 20, new AnalysisScope(null, ArrayTables.Subsets(groups), null), "F");

        var result = HeatmapAnalysis.Run(arguments);

        var expected = ReferenceFixture.Numbers(fixture.GetProperty("F")).Where(f => !double.IsNaN(f)).OrderDescending().Take(20).ToArray();
        Tolerance.AssertAllClose(expected, result.Statistics.Column("F"), Tolerance.Statistics, "top F", 1e-9);
        Assert.Equal("F", result.RankBy);
    }

    [Theory]
    [InlineData("logFC")]
    [InlineData("t")]
    [InlineData("B")]
    public void Prepare_ThreeSubsetsRankedByAPairwiseColumn_ThrowsNamingRankBy(string column)
    {
        double[][] rows = [[1, 2, 3, 4, 5, 6]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", 3, new AnalysisScope(null, [["p0", "p1"], ["p2", "p3"], ["p4", "p5"]], null), column);

        var error = Assert.Throws<AnalysisArgumentException>(() => HeatmapAnalysis.Prepare(arguments));

        Assert.Equal("rank_by", error.Argument);
        Assert.Contains("F", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_TwoSubsetsRankedByF_ThrowsNamingRankBy()
    {
        double[][] rows = [[1, 2, 3, 4, 5, 6]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", 3, new AnalysisScope(null, s_halves, null), "F");

        var error = Assert.Throws<AnalysisArgumentException>(() => HeatmapAnalysis.Prepare(arguments));

        Assert.Equal("rank_by", error.Argument);
    }

    [Fact]
    public void Prepare_UnknownRankBy_ThrowsListingTheColumns()
    {
        var arguments = new HeatmapArguments([ArrayTables.FromRows([[1, 2]])], "mean", 3, new AnalysisScope(), "mean");

        var error = Assert.Throws<AnalysisArgumentException>(() => HeatmapAnalysis.Prepare(arguments));

        Assert.Equal("rank_by", error.Argument);
        Assert.Contains("adj.P.Val", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LimmaWithoutRankBy_RanksByPValueAndSaysSo()
    {
        var (arguments, _) = TwoGroups(LimmaRankColumns.PValue);
        var byDefault = new HeatmapArguments(arguments.NumericalArrays, arguments.RankingMethod, arguments.MaxRows, arguments.Scope);

        var result = HeatmapAnalysis.Run(byDefault);

        Assert.Equal(LimmaRankColumns.PValue, result.RankBy);
        Assert.Equal(HeatmapAnalysis.Run(arguments).Statistics.Features, result.Statistics.Features);
    }

    [Fact]
    public void Run_Mean_RankByIsTheMeanColumn()
    {
        var result = HeatmapAnalysis.Run(new HeatmapArguments([ArrayTables.FromRows([[1, 2], [3, 4]])], "mean", 3, new AnalysisScope()));

        Assert.Equal("mean", result.RankBy);
    }

    private static (HeatmapArguments Arguments, string[] Features) TwoGroups(string rankBy)
    {
        var fixture = ReferenceFixture.Load("limma", "two_groups");
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", rows.Length, new AnalysisScope(null, ArrayTables.Subsets(groups), null), rankBy);
        return (arguments, [.. Enumerable.Range(0, rows.Length).Select(ArrayTables.Feature)]);
    }

    // Smaller key ranks first; NaN (no statistic) after every number.
    private static double[] Keys(double[] values, RankOrder order) =>
    [
        .. values.Select(value => double.IsNaN(value) ? double.PositiveInfinity : order switch
        {
            RankOrder.SmallestFirst => value,
            RankOrder.LargestMagnitudeFirst => -Math.Abs(value),
            _ => -value,
        }),
    ];
}
