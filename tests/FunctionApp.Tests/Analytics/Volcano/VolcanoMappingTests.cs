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
    public void ToNative_DESeq2_KeepsTheMinimalTotalReads()
    {
        var args = FractalisResult.Args("""{"numerical_arrays": ["d-counts"], "ranking_method": "DESeq2", "params": {"min_total_row_count": 10}, "subsets": [["S01", "S02"], ["S03", "S04"]]}""");

        var native = FractalisResult.ToNative(VolcanoAnalysis.TaskName, args);

        Assert.Equal(VolcanoAnalysis.DESeq2Method, native["ranking_method"]!.GetValue<string>());
        Assert.Equal(10, native["min_total_row_count"]!.GetValue<int>());
    }

    [Fact]
    public void ToNative_OtherMethod_IsUnsupportedNamingTheSupportedOnes()
    {
        var args = FractalisResult.Args("""{"numerical_arrays": ["d-genes"], "ranking_method": "edgeR"}""");

        var error = Assert.Throws<FractalisUnsupportedTaskException>(() => FractalisResult.ToNative(VolcanoAnalysis.TaskName, args));

        Assert.Contains("edgeR", error.Message, StringComparison.Ordinal);
        Assert.Contains("limma and DESeq2", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.ErrorType));
    }

    [Fact]
    public void ToFractalis_DESeq2Result_GivesTheResultsTableAsColumns()
    {
        var counts = SmallCohort.Array(8, (f, s) => Math.Round(40.0 * (f + 1) * (f == 0 && s >= SmallCohort.Size / 2 ? 3 : 1) * (1 + SmallCohort.Noise((f * 13) + s))));
        var native = VolcanoAnalysis.Run(new([counts], VolcanoAnalysis.DESeq2Method, new AnalysisScope(null, SmallCohort.Halves, null)));
        static double NumberOrNaN(JsonNode? node) => node is null ? double.NaN : FractalisResult.Number(node);

        var result = FractalisResult.Parse(VolcanoAnalysis.TaskName, FractalisResult.Native(native), []);
        var stats = result["stats"]!.AsObject();

        Assert.Equal(["feature", "baseMean", "log2FoldChange", "lfcSE", "stat", "pvalue", "padj"], stats.Select(pair => pair.Key));
        Assert.Equal(native.Statistics.Select(f => f.LogFC), stats["log2FoldChange"]!.AsArray().Select(NumberOrNaN));
        Assert.Equal(native.Statistics.Select(f => f.T), stats["stat"]!.AsArray().Select(NumberOrNaN));
        Assert.Equal(native.Statistics.Select(f => f.PValue), stats["pvalue"]!.AsArray().Select(NumberOrNaN));
        Assert.Equal(native.Statistics.Select(f => f.AdjPValue), stats["padj"]!.AsArray().Select(NumberOrNaN));
        Assert.Equal(native.Statistics.Select(f => f.BaseMean!.Value), stats["baseMean"]!.AsArray().Select(NumberOrNaN));
        Assert.Equal(native.Statistics.Select(f => f.LfcSE!.Value), stats["lfcSE"]!.AsArray().Select(NumberOrNaN));
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
