using System.Globalization;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Histogram;
using Fractal.FunctionApp.Fractalis.Tasks;

using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Histogram;

/// <summary><c>compute-histogram</c> as Histogram.vue sends and reads it.</summary>
public sealed class HistogramMappingTests
{
    private const string ChartArgs = """
        {"bw_factor": 0.5, "num_bins": 4, "id_filter": [], "subsets": [], "data": "d-bmi", "categories": ["d-sex"]}
        """;

    [Fact]
    public void ToNative_ChartArgs_KeepsTheNames()
    {
        var args = FractalisResult.Args(ChartArgs);

        var native = FractalisResult.ToNative(HistogramAnalysis.TaskName, args);

        Assert.Equal("d-bmi", native["data"]!.GetValue<string>());
        Assert.Equal(4, native["num_bins"]!.GetValue<int>());
        Assert.Equal(0.5, native["bw_factor"]!.GetValue<double>());
        Assert.True(JsonNode.DeepEquals(args["categories"], native["categories"]));
    }

    [Fact]
    public void ToNative_DataAsAListOfOneFilteredReference_IsThatReference()
    {
        var args = FractalisResult.Args("""{"data": [{"id": "d-sex", "filters": {"feature": ["M"]}}]}""");

        var native = FractalisResult.ToNative(HistogramAnalysis.TaskName, args);

        Assert.True(JsonNode.DeepEquals(args["data"]![0], native["data"]));
    }

    [Fact]
    public void ToNative_EmptyData_ThrowsNamingData()
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisResult.ToNative(HistogramAnalysis.TaskName, FractalisResult.Args("""{"data": []}""")));

        Assert.Equal("data", error.Argument);
    }

    [Fact]
    public void ToFractalis_NativeResult_GivesStatsByCategoryAndSubset()
    {
        var native = HistogramAnalysis.Run(new(
            SmallCohort.Numerical("bmi", i => 20 + i + SmallCohort.Noise(i)),
            4,
            0.5,
            new AnalysisScope(null, null, [SmallCohort.Categorical("sex", i => i % 2 == 0 ? "M" : "F")])));

        var result = FractalisResult.Parse(HistogramAnalysis.TaskName, FractalisResult.Native(native), FractalisResult.ToNative(HistogramAnalysis.TaskName, FractalisResult.Args(ChartArgs)));

        Assert.Equal("bmi", result["label"]!.GetValue<string>());
        Assert.Equal(native.Categories, result["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(native.Subsets, result["subsets"]!.AsArray().Select(s => s!.GetValue<int>()));
        foreach (var group in native.Statistics)
        {
            var read = result["stats"]![group.Category]![group.Subset.ToString(CultureInfo.InvariantCulture)]!.AsObject();
            Assert.Equal(group.Statistics.Counts, read["hist"]!.AsArray().Select(c => c!.GetValue<int>()));
            Assert.Equal(group.Statistics.BinEdges, read["bin_edges"]!.AsArray().Select(FractalisResult.Number));
            Assert.Equal(group.Statistics.Density, read["dist"]!.AsArray().Select(FractalisResult.Number));
            Assert.Equal(group.Statistics.Mean, FractalisResult.Number(read["mean"]));
            Assert.Equal(group.Statistics.StandardDeviation, FractalisResult.Number(read["std"]));
        }

        var data = FractalisResult.ParseNested(result, "data").AsArray();
        Assert.Equal(native.Data.Count, data.Count);
        Assert.Equal(native.Data[^1].Value, FractalisResult.Number(data[^1]!["value"]));
        Assert.Equal("bmi", data[0]!["feature"]!.GetValue<string>());
    }
}
