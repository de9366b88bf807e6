using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.FunctionApp.Fractalis.Tasks;

using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Heatmap;

/// <summary><c>compute-heatmap</c> as Heatmap.vue sends and reads it.</summary>
public sealed class HeatmapMappingTests
{
    [Theory]
    [InlineData("mean")]
    [InlineData("median")]
    [InlineData("variance")]
    public void ToNative_ExpressionRanking_IsTheNativeMethodAndDropsWhatIsNotTaken(string ranking)
    {
        var args = ChartArgs(ranking);

        var translated = FractalisResult.ToNative(HeatmapAnalysis.TaskName, args);

        Assert.Equal(ranking, translated["ranking_method"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["numerical_arrays"], translated["numerical_arrays"]));
        Assert.Equal(100, translated["max_rows"]!.GetValue<int>());
        Assert.Equal(["numerical_arrays", "ranking_method", "max_rows", "id_filter", "subsets"], translated.Select(pair => pair.Key));
    }

    [Theory]
    [InlineData("logFC")]
    [InlineData("P.Value")]
    [InlineData("AveExpr")]
    [InlineData("t")]
    [InlineData("adj.P.Val")]
    [InlineData("B")]
    [InlineData("F")]
    public void ToNative_LimmaColumn_IsLimmaRankedByThatColumn(string ranking)
    {
        var translated = FractalisResult.ToNative(HeatmapAnalysis.TaskName, ChartArgs(ranking));

        Assert.Equal("limma", translated["ranking_method"]!.GetValue<string>());
        Assert.Equal(ranking, translated["rank_by"]!.GetValue<string>());
    }

    [Fact]
    public void ToNative_UnknownRanking_ThrowsNamingRankingMethod()
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisResult.ToNative(HeatmapAnalysis.TaskName, ChartArgs("P.Val")));

        Assert.Equal("ranking_method", error.Argument);
    }

    [Fact]
    public void ToFractalis_RankedByLogFC_StatsComeLargestFoldChangeFirstEitherSign()
    {
        var native = HeatmapAnalysis.Run(new(
            [SmallCohort.Array(8, (f, s) => (s < SmallCohort.Size / 2 ? 0 : (f % 2 == 0 ? f : -f)) + SmallCohort.Noise((f * 17) + s))],
            "limma",
            5,
            new AnalysisScope(null, SmallCohort.Halves, null),
            "logFC"));

        var stats = FractalisResult.Parse(HeatmapAnalysis.TaskName, FractalisResult.Native(native), [])["stats"]!.AsObject();

        var logFC = stats["logFC"]!.AsArray().Select(FractalisResult.Number).ToList();
        Assert.Equal(native.Statistics.Column("logFC"), logFC);
        Assert.Equal(logFC.Select(Math.Abs).OrderDescending(), logFC.Select(Math.Abs));
        Assert.Contains(logFC, value => value < 0);
        Assert.Equal(native.Statistics.Features, stats["feature"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public void ToFractalis_LimmaWithThreeSubsets_NamesContrastsAsTopTableDoes()
    {
        var native = HeatmapAnalysis.Run(new(
            [SmallCohort.Array(6, (f, s) => (s * f % 5) + SmallCohort.Noise((f * 31) + s))],
            "limma",
            6,
            new AnalysisScope(null, SmallCohort.Thirds, null),
            "F"));

        var stats = FractalisResult.Parse(HeatmapAnalysis.TaskName, FractalisResult.Native(native), [])["stats"]!.AsObject();

        Assert.Equal(native.Statistics.Column("s2-s1"), stats["group2.group1"]!.AsArray().Select(FractalisResult.Number));
        Assert.True(stats.ContainsKey("group3.group2"));
        Assert.False(stats.ContainsKey("s2-s1"));
    }

    [Fact]
    public void ToFractalis_NativeResult_GivesColumnsOfCellsAndStatistics()
    {
        var native = HeatmapAnalysis.Run(new(
            [SmallCohort.Array(5, (f, s) => f == 4 ? 1.0 : (f * s) + SmallCohort.Noise((f * 17) + s))],
            "mean",
            3,
            new AnalysisScope(null, SmallCohort.Halves, null)));

        var result = FractalisResult.Parse(HeatmapAnalysis.TaskName, FractalisResult.Native(native), []);
        var data = result["data"]!.AsObject();
        var stats = result["stats"]!.AsObject();

        Assert.Equal(native.Data.Select(c => c.Id), data["id"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(native.Data.Select(c => c.Feature), data["feature"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(native.Data.Select(c => c.Value), data["value"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Data.Select(c => c.ZScore), data["zscore"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Data.Select(c => c.Subset), data["subset"]!.AsArray().Select(s => s!.GetValue<int>()));
        Assert.Equal(native.Statistics.Features, stats["feature"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(native.Statistics.Column("mean"), stats["mean"]!.AsArray().Select(FractalisResult.Number));
    }

    [Fact]
    public void ToFractalis_ConstantFeature_ZScoresAreNull()
    {
        var native = HeatmapAnalysis.Run(new(
            [SmallCohort.Array(3, (f, s) => f == 0 ? 100.0 : s + SmallCohort.Noise(f + s))],
            "mean",
            3,
            new AnalysisScope()));
        Assert.Contains(native.Data, cell => double.IsNaN(cell.ZScore));

        var result = FractalisResult.Parse(HeatmapAnalysis.TaskName, FractalisResult.Native(native), []);
        var zscores = result["data"]!["zscore"]!.AsArray();

        Assert.Equal(native.Data.Count(cell => double.IsNaN(cell.ZScore)), zscores.Count(z => z is null));
    }

    private static JsonObject ChartArgs(string ranking) => FractalisResult.Args($$$"""
        {"numerical_arrays": [{"id": "d-genes", "filters": {"feature": ["g1", "g2", "g3"]}}], "numericals": [], "categoricals": [],
         "ranking_method": "{{{ranking}}}", "params": {}, "id_filter": [], "max_rows": 100, "subsets": [["S01"], ["S02"]]}
        """);
}
