using System.Globalization;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Survival;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary><c>survival-analysis</c> as Survivalplot.vue sends and reads it.</summary>
public sealed class SurvivalMappingTests
{
    [Fact]
    public void ToNative_ListsOfOne_BecomeSingleReferences()
    {
        var args = FractalisResult.Args("""
            {"durations": ["d-months"], "categories": ["d-sex"], "event_observed": [{"id": "d-event", "filters": {}}],
             "estimator": "NelsonAalen", "id_filter": [], "subsets": []}
            """);

        var native = FractalisTaskArgs.ToNative(SurvivalAnalysis.TaskName, args);

        Assert.Equal("d-months", native["durations"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["event_observed"]![0], native["event_observed"]));
        Assert.Equal("NelsonAalen", native["estimator"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["categories"], native["categories"]));
    }

    [Fact]
    public void ToNative_NoEventObserved_LeavesItOut()
    {
        var args = FractalisResult.Args("""{"durations": ["d-months"], "categories": [], "event_observed": [], "estimator": "KaplanMeier"}""");

        var native = FractalisTaskArgs.ToNative(SurvivalAnalysis.TaskName, args);

        Assert.False(native.ContainsKey("event_observed"));
    }

    [Theory]
    [InlineData("""{"durations": ["a", "b"]}""", "durations")]
    [InlineData("""{"durations": []}""", "durations")]
    [InlineData("""{"durations": ["a"], "event_observed": ["b", "c"]}""", "event_observed")]
    public void ToNative_WrongCount_ThrowsNamingIt(string json, string argument)
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisTaskArgs.ToNative(SurvivalAnalysis.TaskName, FractalisResult.Args(json)));

        Assert.Equal(argument, error.Argument);
    }

    [Fact]
    public void ToFractalis_KaplanMeier_GivesCurvesByCategoryAndSubsetWithUndefinedBandsNull()
    {
        var native = SurvivalAnalysis.Run(new(
            SmallCohort.Numerical("months", i => 3 + (2 * i) + SmallCohort.Noise(i)),
            SmallCohort.Numerical("event", i => i % 4 == 3 ? 0 : 1),
            SurvivalEstimator.KaplanMeier,
            new AnalysisScope(null, SmallCohort.Halves, null)));
        Assert.Contains(native.Statistics, group => group.Curve.Lower.Any(double.IsNaN));

        var result = FractalisResult.Parse(SurvivalAnalysis.TaskName, FractalisResult.Native(native), []);

        Assert.Equal(native.Categories, result["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(native.Subsets, result["subsets"]!.AsArray().Select(s => s!.GetValue<int>()));
        Assert.True(result.ContainsKey("label"));
        foreach (var group in native.Statistics)
        {
            var read = result["stats"]![group.Category]![group.Subset.ToString(CultureInfo.InvariantCulture)]!.AsObject();
            Assert.Equal(group.Curve.Timeline, read["timeline"]!.AsArray().Select(FractalisResult.Number));
            Assert.Equal(group.Curve.Estimate, read["estimate"]!.AsArray().Select(FractalisResult.Number));
            Assert.Equal(group.Curve.Lower.Select(v => double.IsNaN(v) ? (double?)null : v), read["ci_lower"]!.AsArray().Select(v => v?.GetValue<double>()));
            Assert.Equal(group.Curve.Upper.Select(v => double.IsNaN(v) ? (double?)null : v), read["ci_upper"]!.AsArray().Select(v => v?.GetValue<double>()));
        }
    }
}
