using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.FunctionApp.Fractalis.Tasks;

using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Boxplot;

/// <summary><c>compute-boxplot</c> as Boxplot.vue sends and reads it.</summary>
public sealed class BoxplotMappingTests
{
    [Theory]
    [InlineData("identity", "identity")]
    [InlineData("log2(x)", "log2")]
    [InlineData("log10(x)", "log10")]
    [InlineData("2^x", "pow2")]
    [InlineData("10^x", "pow10")]
    public void ToNative_FractalisTransformation_IsTheNativeName(string fractalis, string native)
    {
        var args = FractalisResult.Args($$"""{"features": ["d-age"], "categories": [], "id_filter": [], "subsets": [], "transformation": "{{fractalis}}"}""");

        var translated = FractalisResult.ToNative(BoxplotAnalysis.TaskName, args);

        Assert.Equal(native, translated["transformation"]!.GetValue<string>());
    }

    [Fact]
    public void ToNative_ChartArgs_FeaturesBecomeVariables()
    {
        var args = FractalisResult.Args("""
            {"features": ["d-age", {"id": "d-bmi", "filters": {"feature": ["bmi"]}}], "categories": ["d-sex"],
             "id_filter": ["S01", "S02", "S03"], "subsets": [["S01", "S02"], ["S03"]]}
            """);

        var native = FractalisResult.ToNative(BoxplotAnalysis.TaskName, args);

        Assert.True(JsonNode.DeepEquals(args["features"], native["variables"]));
        Assert.False(native.ContainsKey("features"));
        Assert.Equal("identity", native["transformation"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["categories"], native["categories"]));
        Assert.True(JsonNode.DeepEquals(args["id_filter"], native["id_filter"]));
    }

    [Theory]
    [InlineData("""{"features": [], "transformation": "identity"}""", "features")]
    [InlineData("""{"features": ["d-age"], "transformation": "ln(x)"}""", "transformation")]
    [InlineData("""{"features": [42]}""", "features[0]")]
    public void ToNative_BadArgument_ThrowsNamingIt(string json, string argument)
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisResult.ToNative(BoxplotAnalysis.TaskName, FractalisResult.Args(json)));

        Assert.Equal(argument, error.Argument);
    }

    [Fact]
    public void ToFractalis_NativeResult_GivesWhatTheChartReads()
    {
        var native = BoxplotAnalysis.Run(new(
            [SmallCohort.Numerical("age", i => 30 + (3 * i) + SmallCohort.Noise(i)), SmallCohort.Numerical("bmi", i => 20 + i + SmallCohort.Noise(i + 9))],
            BoxplotTransformation.Log2,
            new AnalysisScope(null, SmallCohort.Halves, [SmallCohort.Categorical("sex", i => i % 3 == 0 ? "M" : "F")])));
        var nativeArgs = FractalisResult.ToNative(BoxplotAnalysis.TaskName, FractalisResult.Args("""{"features": ["a", "b"], "transformation": "log2(x)"}"""));

        var result = FractalisResult.Parse(BoxplotAnalysis.TaskName, FractalisResult.Native(native), nativeArgs);
        var statistics = result["statistics"]!.AsObject();
        var data = FractalisResult.ParseNested(result, "data").AsArray();

        Assert.Equal(native.Statistics.Select(group => group.Label).Order(StringComparer.Ordinal), statistics.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        var box = native.Statistics[0];
        var read = statistics[box.Label]!.AsObject();
        Assert.Equal(box.Statistics.LowerQuartile, FractalisResult.Number(read["l_qrt"]));
        Assert.Equal(box.Statistics.Median, FractalisResult.Number(read["median"]));
        Assert.Equal(box.Statistics.UpperQuartile, FractalisResult.Number(read["u_qrt"]));
        Assert.Equal(box.Statistics.LowerWhisker, FractalisResult.Number(read["l_wsk"]));
        Assert.Equal(box.Statistics.UpperWhisker, FractalisResult.Number(read["u_wsk"]));
        Assert.Equal(box.Statistics.Kde, read["kde"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Anova.F, FractalisResult.Number(result["anova"]!["f_value"]));
        Assert.Equal(native.Anova.PValue, FractalisResult.Number(result["anova"]!["p_value"]));
        Assert.Equal(native.Data.Count, data.Count);
        var point = data[0]!.AsObject();
        Assert.Equal(native.Data[0].Feature, point["feature"]!.GetValue<string>());
        Assert.Equal(native.Data[0].Value, FractalisResult.Number(point["value"]));
        Assert.Equal(native.Data[0].Subset, point["subset"]!.GetValue<int>());
        Assert.Equal(native.Data[0].Category, point["category"]!.GetValue<string>());
        Assert.Equal(native.Data[0].Outlier, point["outlier"]!.GetValue<bool>());
        Assert.Equal(native.Features, result["features"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public void ToFractalis_GroupOfOneValue_ItsPointIsInTheDataWithOutlierNull()
    {
        var native = BoxplotAnalysis.Run(new(
            [SmallCohort.Numerical("age", i => 30 + i)],
            BoxplotTransformation.Identity,
            new AnalysisScope(null, [SmallCohort.Ids[..^1], SmallCohort.Ids[^1..]], null)));

        var data = FractalisResult.ParseNested(FractalisResult.Parse(BoxplotAnalysis.TaskName, FractalisResult.Native(native), []), "data").AsArray();

        Assert.Equal(SmallCohort.Size, data.Count);
        var single = Assert.Single(data, point => point!["subset"]!.GetValue<int>() == 1)!.AsObject();
        Assert.Equal(SmallCohort.Ids[^1], single["id"]!.GetValue<string>());
        Assert.True(single.ContainsKey("outlier"));
        Assert.Null(single["outlier"]);
    }

    [Fact]
    public void ToFractalis_OneGroup_AnovaIsNull()
    {
        var native = BoxplotAnalysis.Run(new([SmallCohort.Numerical("age", i => 30 + i)], BoxplotTransformation.Identity, new AnalysisScope()));
        Assert.True(double.IsNaN(native.Anova.F));

        var result = FractalisResult.Parse(BoxplotAnalysis.TaskName, FractalisResult.Native(native), []);

        Assert.Null(result["anova"]!["f_value"]);
        Assert.Null(result["anova"]!["p_value"]);
    }
}
