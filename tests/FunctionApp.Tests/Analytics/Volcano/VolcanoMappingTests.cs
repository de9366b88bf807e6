using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Volcano;
using Fractal.FunctionApp.Fractalis.Tasks;

using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Volcano;

/// <summary><c>compute-volcanoplot</c> as Volcanoplot.vue sends and reads it.</summary>
public sealed class VolcanoMappingTests
{
    [Fact]
    public void ToNative_LimmaChartArgs_DropsParams()
    {
        var args = FractalisResult.Args("""
            {"numerical_arrays": [{"id": "d-genes", "filters": {"feature": ["g1", "g2"]}}], "id_filter": [],
             "params": {"min_total_row_count": 10}, "ranking_method": "limma", "subsets": [["S01", "S02"], ["S03", "S04"]]}
            """);

        var native = FractalisResult.ToNative(VolcanoAnalysis.TaskName, args);

        Assert.Equal("limma", native["ranking_method"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["numerical_arrays"], native["numerical_arrays"]));
        Assert.True(JsonNode.DeepEquals(args["subsets"], native["subsets"]));
        Assert.False(native.ContainsKey("params"));
    }

    [Fact]
    public void ToNative_DESeq2_IsUnsupportedNamingLimma()
    {
        var args = FractalisResult.Args("""{"numerical_arrays": ["d-genes"], "ranking_method": "DESeq2", "params": {"min_total_row_count": 10}}""");

        var error = Assert.Throws<FractalisUnsupportedTaskException>(() => FractalisResult.ToNative(VolcanoAnalysis.TaskName, args));

        Assert.Contains("limma", error.Message, StringComparison.Ordinal);
        Assert.Contains("DESeq2", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.ErrorType));
    }

    [Fact]
    public void ToFractalis_LimmaResult_GivesTheTopTableAsColumns()
    {
        var native = VolcanoAnalysis.Run(new(
            [SmallCohort.Array(6, (f, s) => (s >= SmallCohort.Size / 2 ? f * 0.4 : 0) + SmallCohort.Noise((f * 13) + s))],
            "limma",
            new AnalysisScope(null, SmallCohort.Halves, null)));

        var result = FractalisResult.Parse(VolcanoAnalysis.TaskName, FractalisResult.Native(native), []);
        var stats = result["stats"]!.AsObject();

        Assert.Equal(native.Statistics.Select(f => f.Feature), stats["feature"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(native.Statistics.Select(f => f.LogFC), stats["logFC"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Statistics.Select(f => f.PValue), stats["P.Value"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Statistics.Select(f => f.AdjPValue), stats["adj.P.Val"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Statistics.Select(f => f.T), stats["t"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Statistics.Select(f => f.B!.Value), stats["B"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Statistics.Select(f => f.AveExpr!.Value), stats["AveExpr"]!.AsArray().Select(FractalisResult.Number));
    }

    [Fact]
    public void ToFractalis_ThreeSubsetLimmaResult_GivesTheFTestTopTableAsColumns()
    {
        var native = VolcanoAnalysis.Run(new(
            [SmallCohort.Array(6, (f, s) => (s / (SmallCohort.Size / 3) * f * 0.3) + SmallCohort.Noise((f * 13) + s))],
            "limma",
            new AnalysisScope(null, SmallCohort.Thirds, null)));

        var result = FractalisResult.Parse(VolcanoAnalysis.TaskName, FractalisResult.Native(native), []);
        var stats = result["stats"]!.AsObject();

        Assert.Equal(["feature", .. native.Contrasts!.Select(LimmaContrastNames.ToFractalis), "AveExpr", "F", "P.Value", "adj.P.Val"], stats.Select(pair => pair.Key));
        Assert.Equal(native.Statistics.Select(f => f.Feature), stats["feature"]!.AsArray().Select(f => f!.GetValue<string>()));
        for (var k = 0; k < native.Contrasts!.Count; k++)
        {
            var column = LimmaContrastNames.ToFractalis(native.Contrasts[k]);
            Assert.Equal(native.Statistics.Select(f => f.LogFCs![k]), stats[column]!.AsArray().Select(FractalisResult.Number));
        }

        Assert.Equal(native.Statistics.Select(f => f.F!.Value), stats["F"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Statistics.Select(f => f.PValue), stats["P.Value"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Statistics.Select(f => f.AdjPValue), stats["adj.P.Val"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Statistics.Select(f => f.AveExpr!.Value), stats["AveExpr"]!.AsArray().Select(FractalisResult.Number));
    }

    [Theory]
    [InlineData("s3-s1", "group3.group1")]
    [InlineData("s2-s1", "group2.group1")]
    [InlineData("s12-s10", "group12.group10")]
    public void FractalisContrastName_NativeContrast_IsTheColumnTopTableGivesFractalisContrast(string native, string fractalis)
    {
        Assert.Equal(fractalis, LimmaContrastNames.ToFractalis(native));
    }

    [Fact]
    public void FractalisContrastName_NotAContrastOfSubsets_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => LimmaContrastNames.ToFractalis("group3-group1"));
    }
}
