using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Correlation;
using Fractal.FunctionApp.Fractalis.Tasks;

using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Correlation;

/// <summary><c>compute-correlation</c> as CorrelationAnalysis.vue sends and reads it.</summary>
public sealed class CorrelationMappingTests
{
    private const string ChartArgs = """
        {"x": "d-age", "y": {"id": "d-bmi", "filters": {"feature": ["bmi"]}}, "id_filter": [], "method": "spearman",
         "subsets": [["S01", "S02", "S03", "S04", "S05", "S06"], ["S07", "S08", "S09", "S10", "S11", "S12"]], "categories": ["d-sex"]}
        """;

    [Fact]
    public void ToNative_ChartArgs_KeepsTheNamesAndPassesReferencesUntouched()
    {
        var args = FractalisResult.Args(ChartArgs);

        var native = FractalisResult.ToNative(CorrelationAnalysis.TaskName, args);

        Assert.Equal("d-age", native["x"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["y"], native["y"]));
        Assert.Equal("spearman", native["method"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["subsets"], native["subsets"]));
        Assert.Equal(["d-sex"], native["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public void ToNative_IdFilterAsTheStoreFilterObject_ReadsItsValue()
    {
        var args = FractalisResult.Args("""{"x": "a", "y": "b", "id_filter": {"value": ["S01", 7], "source": 3}}""");

        var native = FractalisResult.ToNative(CorrelationAnalysis.TaskName, args);

        Assert.Equal(["S01", "7"], native["id_filter"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public void ToNative_MissingY_ThrowsNamingY()
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisResult.ToNative(CorrelationAnalysis.TaskName, FractalisResult.Args("""{"x": "a"}""")));

        Assert.Equal("y", error.Argument);
    }

    [Fact]
    public void ToFractalis_NativeResult_GivesWhatTheChartReads()
    {
        var native = CorrelationAnalysis.Run(new(
            SmallCohort.Numerical("age", i => 30 + i + SmallCohort.Noise(i)),
            SmallCohort.Numerical("bmi", i => 20 + (0.5 * i) + SmallCohort.Noise(i + 40)),
            CorrelationMethod.Spearman,
            new AnalysisScope(null, SmallCohort.Halves, [SmallCohort.Categorical("sex", i => i % 2 == 0 ? "M" : "F")])));
        var nativeArgs = FractalisResult.ToNative(CorrelationAnalysis.TaskName, FractalisResult.Args(ChartArgs));

        var result = FractalisResult.Parse(CorrelationAnalysis.TaskName, FractalisResult.Native(native), nativeArgs);
        var data = FractalisResult.ParseNested(result, "data").AsArray();

        Assert.Equal(native.Coefficient, FractalisResult.Number(result["coef"]));
        Assert.Equal(native.PValue, FractalisResult.Number(result["p_value"]));
        Assert.Equal(native.Slope, FractalisResult.Number(result["slope"]));
        Assert.Equal(native.Intercept, FractalisResult.Number(result["intercept"]));
        Assert.Equal("spearman", result["method"]!.GetValue<string>());
        Assert.Equal("age", result["x_label"]!.GetValue<string>());
        Assert.Equal("bmi", result["y_label"]!.GetValue<string>());
        Assert.Equal(native.Data.Count, data.Count);
        var first = data[0]!.AsObject();
        Assert.Equal(native.Data[0].Id, first["id"]!.GetValue<string>());
        Assert.Equal(native.Data[0].X, FractalisResult.Number(first["value_x"]));
        Assert.Equal(native.Data[0].Y, FractalisResult.Number(first["value_y"]));
        Assert.Equal(native.Data[0].Subset, first["subset"]!.GetValue<int>());
        Assert.Equal(native.Data[0].Category, first["category"]!.GetValue<string>());
        Assert.Equal("age", first["feature_x"]!.GetValue<string>());
        Assert.Equal("bmi", first["feature_y"]!.GetValue<string>());
    }

    [Fact]
    public void ToFractalis_ConstantX_UndefinedStatisticsAreNull()
    {
        var native = CorrelationAnalysis.Run(new(
            SmallCohort.Numerical("age", _ => 40),
            SmallCohort.Numerical("bmi", i => 20 + i),
            CorrelationMethod.Pearson,
            new AnalysisScope()));
        Assert.True(double.IsNaN(native.Coefficient));

        var result = FractalisResult.Parse(CorrelationAnalysis.TaskName, FractalisResult.Native(native), []);

        Assert.True(result.ContainsKey("coef"));
        Assert.Null(result["coef"]);
        Assert.Null(result["slope"]);
        Assert.Null(result["intercept"]);
    }
}
