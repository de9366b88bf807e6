using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Tests.Statistics;

namespace Fractal.Domain.Tests.Analyses.Heatmap;

public sealed class HeatmapAnalysisTests
{
    [Fact]
    public void Run_LimmaThreeSubsets_StatisticsMatchTopTableF()
    {
        var fixture = ReferenceFixture.Load("limma", "three_groups");
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", rows.Length, new AnalysisScope(null, ArrayTables.Subsets(groups), null));

        var result = HeatmapAnalysis.Run(arguments);

        var expectedF = ReferenceFixture.Numbers(fixture.GetProperty("F"));
        var expectedP = ReferenceFixture.Numbers(fixture.GetProperty("P.Value"));
        var expectedAdj = ReferenceFixture.Numbers(fixture.GetProperty("adj.P.Val"));
        var stats = result.Statistics;
        for (var i = 0; i < stats.Features.Count; i++)
        {
            var f = int.Parse(stats.Features[i][1..], System.Globalization.CultureInfo.InvariantCulture);
            Tolerance.AssertClose(expectedF[f], stats.Column("F")[i], Tolerance.Statistics, $"F of {stats.Features[i]}", 1e-9);
            Tolerance.AssertClose(expectedP[f], stats.Column("P.Value")[i], Tolerance.Statistics, $"P.Value of {stats.Features[i]}", 1e-15);
            Tolerance.AssertClose(expectedAdj[f], stats.Column("adj.P.Val")[i], Tolerance.Statistics, $"adj.P.Val of {stats.Features[i]}", 1e-15);
        }

        Assert.Equal(["s3-s1", "s3-s2", "s2-s1"], stats.Columns.Keys.Take(3));
    }

    [Fact]
    public void Run_Limma_RanksSmallestPValueFirst()
    {
        var fixture = ReferenceFixture.Load("limma", "two_groups");
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", 5, new AnalysisScope(null, ArrayTables.Subsets(groups), null));

        var result = HeatmapAnalysis.Run(arguments);

        var p = result.Statistics.Column("P.Value");
        Assert.Equal(5, p.Length);
        Assert.True(p.Zip(p.Skip(1)).All(pair => pair.First <= pair.Second));
        Tolerance.AssertAllClose([.. ReferenceFixture.Numbers(fixture.GetProperty("P.Value")).Order().Take(5)], p, Tolerance.Statistics, "top P.Value", 1e-15);
    }

    [Fact]
    public void Run_MeanWithMaxRows_KeepsTheLargestMeansInOrder()
    {
        double[][] rows = [[1, 1, 1], [5, 6, 7], [3, 2, 4], [9, 8, 10]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "mean", 2, new AnalysisScope());

        var result = HeatmapAnalysis.Run(arguments);

        Assert.Equal(["f3", "f1"], result.Statistics.Features);
        Assert.Equal([9.0, 6.0], result.Statistics.Column("mean"));
        Assert.Equal(6, result.Data.Count);
    }

    [Fact]
    public void Run_Variance_UsesPopulationVariance()
    {
        double[][] rows = [[1, 2, 3, 4]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "variance", 10, new AnalysisScope());

        var result = HeatmapAnalysis.Run(arguments);

        // Mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 over n = 4.
        Assert.Equal(5.0 / 4, result.Statistics.Column("variance")[0], 12);
    }

    [Fact]
    public void Run_ZScores_UsePopulationStandardDeviation()
    {
        double[][] rows = [[1, 2, 3], [2, 4, 9]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "median", 10, new AnalysisScope());

        var result = HeatmapAnalysis.Run(arguments);

        var f0 = result.Data.Where(cell => cell.Feature == "f0").OrderBy(cell => cell.Id, StringComparer.Ordinal).Select(cell => cell.ZScore).ToArray();
        var std = Math.Sqrt(2.0 / 3);
        Assert.Equal(-1 / std, f0[0], 12);
        Assert.Equal(0, f0[1], 12);
        Assert.Equal(1 / std, f0[2], 12);
    }

    [Fact]
    public void Run_ConstantFeature_GetsNaNZScoresAndANote()
    {
        double[][] rows = [[4, 4, 4], [1, 2, 3]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "mean", 10, new AnalysisScope());

        var result = HeatmapAnalysis.Run(arguments);

        Assert.All(result.Data.Where(cell => cell.Feature == "f0"), cell => Assert.True(double.IsNaN(cell.ZScore)));
        Assert.Equal("f0", Assert.Single(result.Notes).Feature);
    }

    [Fact]
    public void Run_TwoBlocksOfFeatures_RowOrderKeepsEachBlockTogether()
    {
        double[][] rows = [[1, 2, 9, 10], [10, 9, 2, 1], [1.5, 2.5, 9.5, 9], [9, 10, 1, 2]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "mean", 10, new AnalysisScope());

        var result = HeatmapAnalysis.Run(arguments);

        var positions = result.RowOrder.Select((feature, index) => (feature, index)).ToDictionary(p => p.feature, p => p.index);
        Assert.Equal(1, Math.Abs(positions["f0"] - positions["f2"]));
        Assert.Equal(1, Math.Abs(positions["f1"] - positions["f3"]));
        Assert.Equal(["p0", "p1", "p2", "p3"], result.ColumnOrder.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_LimmaWithOneSubset_ThrowsNamingSubsets()
    {
        double[][] rows = [[1, 2, 3], [2, 3, 4]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", 10, new AnalysisScope());

        var error = Assert.Throws<AnalysisArgumentException>(() => HeatmapAnalysis.Run(arguments));

        Assert.Equal("subsets", error.Argument);
    }

    [Fact]
    public void Run_UnknownRankingMethod_ThrowsListingTheMethods()
    {
        var arguments = new HeatmapArguments([ArrayTables.FromRows([[1, 2]])], "mode", 10, new AnalysisScope());

        var error = Assert.Throws<AnalysisArgumentException>(() => HeatmapAnalysis.Run(arguments));

        Assert.Equal("ranking_method", error.Argument);
        Assert.Contains("variance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IdFilter_DropsOtherIds()
    {
        double[][] rows = [[1, 2, 3, 4]];
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "mean", 10, new AnalysisScope(["p0", "p3"], null, null));

        var result = HeatmapAnalysis.Run(arguments);

        Assert.Equal([2.5], result.Statistics.Column("mean"));
        Assert.Equal(["p0", "p3"], result.Data.Select(cell => cell.Id));
    }
}
