using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Data;
using Fractal.Domain.Tests.Analyses.Heatmap;
using Fractal.Domain.Tests.Statistics;

namespace Fractal.Domain.Tests.Analyses.Volcano;

public sealed class VolcanoAnalysisTests
{
    [Theory]
    [InlineData("two_groups")]
    [InlineData("two_groups_missing")]
    public void Run_Limma_MatchesTopTable(string name)
    {
        var fixture = ReferenceFixture.Load("limma", name);
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));

        var result = VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows(rows)], "limma", new AnalysisScope(null, ArrayTables.Subsets(groups), null)));

        Assert.Equal(rows.Select((_, f) => ArrayTables.Feature(f)), result.Statistics.Select(s => s.Feature));
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("logFC")), [.. result.Statistics.Select(s => s.LogFC)], Tolerance.Values, "logFC");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("table_t")), [.. result.Statistics.Select(s => s.T)], Tolerance.Statistics, "t", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("B")), [.. result.Statistics.Select(s => s.B!.Value)], Tolerance.Statistics, "B", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("P.Value")), [.. result.Statistics.Select(s => s.PValue)], Tolerance.Statistics, "P.Value", 1e-15);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("adj.P.Val")), [.. result.Statistics.Select(s => s.AdjPValue)], Tolerance.Statistics, "adj.P.Val", 1e-15);
    }

    [Fact]
    public void Run_Welch_MatchesScipyAndAdjustsPValues()
    {
        var fixture = ReferenceFixture.Load("limma", "welch");
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));

        var result = VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows(rows)], "welch", new AnalysisScope(null, ArrayTables.Subsets(groups), null)));

        double[] p = [.. result.Statistics.Select(s => s.PValue)];
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("t")), [.. result.Statistics.Select(s => s.T)], Tolerance.Statistics, "t", 1e-12);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("P.Value")), p, Tolerance.Statistics, "P.Value", 1e-15);
        Assert.All(result.Statistics, s => Assert.Null(s.B));
        Assert.All(result.Statistics, s => Assert.True(s.AdjPValue >= s.PValue));
    }

    [Theory]
    [InlineData("three_groups")]
    [InlineData("four_groups")]
    public void Run_LimmaThreeOrMoreSubsets_MatchesTopTableOfTheFTest(string name)
    {
        var fixture = ReferenceFixture.Load("limma", name);
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));

        var result = VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows(rows)], "limma", new AnalysisScope(null, ArrayTables.Subsets(groups), null)));

        Assert.Equal(rows.Select((_, f) => ArrayTables.Feature(f)), result.Statistics.Select(s => s.Feature));
        Assert.Equal(ReferenceFixture.Strings(fixture.GetProperty("contrasts")), result.Contrasts);
        var coefficients = ReferenceFixture.Flatten(ReferenceFixture.Rows(fixture.GetProperty("coefficients")));
        Tolerance.AssertAllClose(coefficients, [.. result.Statistics.SelectMany(s => s.LogFCs!)], Tolerance.Values, "logFCs");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("AveExpr")), [.. result.Statistics.Select(s => s.AveExpr!.Value)], Tolerance.Values, "AveExpr");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("F")), [.. result.Statistics.Select(s => s.F!.Value)], Tolerance.Statistics, "F", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("P.Value")), [.. result.Statistics.Select(s => s.PValue)], Tolerance.Statistics, "P.Value", 1e-15);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("adj.P.Val")), [.. result.Statistics.Select(s => s.AdjPValue)], Tolerance.Statistics, "adj.P.Val", 1e-15);
    }

    [Fact]
    public void Run_LimmaThreeSubsets_CountsTheSamplesOfEverySubset()
    {
        var fixture = ReferenceFixture.Load("limma", "three_groups");
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));

        var result = VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows(rows)], "limma", new AnalysisScope(null, ArrayTables.Subsets(groups), null)));

        Assert.Equal(groups.CountBy(g => g).OrderBy(pair => pair.Key).Select(pair => pair.Value), result.SubsetSizes);
    }

    [Fact]
    public void Run_LimmaThreeSubsets_HasNoSingleDifference()
    {
        double[][] rows = [[1, 2, 3, 5, 4, 6, 9, 8, 7], [2, 1, 3, 3, 2, 1, 5, 4, 6]];
        var scope = new AnalysisScope(null, [["p0", "p1", "p2"], ["p3", "p4", "p5"], ["p6", "p7", "p8"]], null);

        var result = VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows(rows)], "limma", scope));

        Assert.True(result.IsFTest);
        Assert.All(result.Statistics, s => Assert.True(double.IsNaN(s.LogFC) && double.IsNaN(s.T) && s.B is null));
        Assert.All(result.Statistics, s => Assert.Equal(3, s.LogFCs!.Count));
    }

    [Fact]
    public void Run_LimmaTwoSubsets_WritesNoFTestFields()
    {
        double[][] rows = [[1, 2, 3, 5, 4, 6], [2, 1, 3, 3, 2, 1]];
        var scope = new AnalysisScope(null, [["p0", "p1", "p2"], ["p3", "p4", "p5"]], null);

        var result = VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows(rows)], "limma", scope));
        var json = JsonSerializer.SerializeToNode(result)!.AsObject();

        Assert.False(result.IsFTest);
        Assert.False(json.ContainsKey("contrasts"));
        Assert.All(json["stats"]!.AsArray(), feature => Assert.False(feature!.AsObject().ContainsKey("F") || feature.AsObject().ContainsKey("logFCs")));
    }

    [Fact]
    public void Run_WelchThreeSubsets_ThrowsNamingSubsets()
    {
        double[][] rows = [[1, 2, 3, 4, 5, 6]];
        var scope = new AnalysisScope(null, [["p0", "p1"], ["p2", "p3"], ["p4", "p5"]], null);

        var error = Assert.Throws<AnalysisArgumentException>(() => VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows(rows)], "welch", scope)));

        Assert.Equal("subsets", error.Argument);
    }

    [Fact]
    public void Run_LimmaOneSubset_ThrowsNamingSubsets()
    {
        var scope = new AnalysisScope(null, [["p0", "p1", "p2", "p3"]], null);

        var error = Assert.Throws<AnalysisArgumentException>(() => VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows([[1, 2, 3, 4]])], "limma", scope)));

        Assert.Equal("subsets", error.Argument);
    }

    [Fact]
    public void Run_UnknownRankingMethod_ThrowsNamingRankingMethod()
    {
        var scope = new AnalysisScope(null, [["p0"], ["p1"]], null);

        var error = Assert.Throws<AnalysisArgumentException>(() => VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows([[1, 2]])], "deseq2", scope)));

        Assert.Equal("ranking_method", error.Argument);
    }

    [Fact]
    public void Run_NumericalDataset_ThrowsNamingTheArgument()
    {
        var builder = new DatasetTableBuilder(DataType.Numerical);
        builder.Add("p0", "age", 3.0);
        var scope = new AnalysisScope(null, [["p0"], ["p1"]], null);

        var error = Assert.Throws<AnalysisArgumentException>(() => VolcanoAnalysis.Run(new VolcanoArguments([builder.Build()], "welch", scope)));

        Assert.Equal("numerical_arrays", error.Argument);
        Assert.Contains("numerical_array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LimmaOneSamplePerSubset_ThrowsNamingTheData()
    {
        var scope = new AnalysisScope(null, [["p0"], ["p1"]], null);

        var error = Assert.Throws<AnalysisArgumentException>(() => VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows([[1, 2], [3, 5]])], "limma", scope)));

        Assert.Equal("numerical_arrays", error.Argument);
        Assert.Contains("residual degrees of freedom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IdsInBothSubsets_CountInBothAsLimmaDoes()
    {
        var fixture = ReferenceFixture.Load("limma", "overlapping_subsets");
        var subsets = fixture.GetProperty("subsets").EnumerateArray().Select(subset => ReferenceFixture.Integers(subset).Select(ArrayTables.Id).ToArray()).ToArray();
        var table = ArrayTables.FromRows(ReferenceFixture.Rows(fixture.GetProperty("base_rows")));

        var result = VolcanoAnalysis.Run(new VolcanoArguments([table], "limma", new AnalysisScope(null, subsets, null)));

        Assert.Equal([5, 5], result.SubsetSizes);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("logFC")), [.. result.Statistics.Select(s => s.LogFC)], Tolerance.Values, "logFC");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("table_t")), [.. result.Statistics.Select(s => s.T)], Tolerance.Statistics, "t", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("adj.P.Val")), [.. result.Statistics.Select(s => s.AdjPValue)], Tolerance.Statistics, "adj.P.Val", 1e-15);
    }

    [Fact]
    public void Run_DESeq2_MatchesDESeq2UnderTheVolcanoColumns()
    {
        var (table, scope, fixture) = CountCase();

        var result = VolcanoAnalysis.Run(new VolcanoArguments([table], VolcanoAnalysis.DESeq2Method, scope));

        Assert.Equal(VolcanoAnalysis.DESeq2Method, result.RankingMethod);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("log2_fold_change")), [.. result.Statistics.Select(s => s.LogFC)], Tolerance.Statistics, "logFC", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("stat")), [.. result.Statistics.Select(s => s.T)], Tolerance.Statistics, "t", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("padj")), [.. result.Statistics.Select(s => s.AdjPValue)], Tolerance.Statistics, "adj.P.Val", 1e-15);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("base_mean")), [.. result.Statistics.Select(s => s.BaseMean!.Value)], Tolerance.Values, "baseMean");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("lfc_se")), [.. result.Statistics.Select(s => s.LfcSE!.Value)], Tolerance.Statistics, "lfcSE");
    }

    [Fact]
    public void Run_DESeq2GeneWithNoCounts_SaysWhy()
    {
        var (table, scope, _) = CountCase();

        var result = VolcanoAnalysis.Run(new VolcanoArguments([table], VolcanoAnalysis.DESeq2Method, scope));

        Assert.Equal("every count is zero", result.Statistics[0].Reason);
    }

    [Fact]
    public void Run_DESeq2MinTotalRowCount_LeavesOutTheFeaturesBelowIt()
    {
        var (table, scope, fixture) = CountCase();
        var totals = ReferenceFixture.Rows(fixture.GetProperty("counts")).Select(row => row.Sum()).ToArray();

        var result = VolcanoAnalysis.Run(new VolcanoArguments([table], VolcanoAnalysis.DESeq2Method, scope, MinTotalRowCount: 50));

        Assert.Equal(totals.Select((total, f) => (total, f)).Where(t => t.total >= 50).Select(t => ArrayTables.Feature(t.f)), result.Statistics.Select(s => s.Feature));
    }

    [Fact]
    public void Run_DESeq2ThreeSubsets_ThrowsNamingSubsets()
    {
        var scope = new AnalysisScope(null, [["p0", "p1"], ["p2", "p3"], ["p4", "p5"]], null);

        var error = Assert.Throws<AnalysisArgumentException>(() => VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows([[1, 2, 3, 4, 5, 6]])], VolcanoAnalysis.DESeq2Method, scope)));

        Assert.Equal("subsets", error.Argument);
        Assert.Contains("DESeq2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DESeq2LogScaleValues_ThrowsNamingTheArrays()
    {
        var scope = new AnalysisScope(null, [["p0", "p1"], ["p2", "p3"]], null);

        var error = Assert.Throws<AnalysisArgumentException>(() => VolcanoAnalysis.Run(new VolcanoArguments([ArrayTables.FromRows([[7.25, 6.5, 8.125, 7.0]])], VolcanoAnalysis.DESeq2Method, scope)));

        Assert.Equal("numerical_arrays", error.Argument);
        Assert.Contains("counts", error.Message, StringComparison.Ordinal);
    }

    private static (DatasetTable Table, AnalysisScope Scope, JsonElement Fixture) CountCase()
    {
        var fixture = ReferenceFixture.Load("deseq2", "deseq2").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "three_vs_three");
        var table = ArrayTables.FromRows(ReferenceFixture.Rows(fixture.GetProperty("counts")));
        return (table, new AnalysisScope(null, ArrayTables.Subsets(ReferenceFixture.Integers(fixture.GetProperty("groups"))), null), fixture);
    }
}
