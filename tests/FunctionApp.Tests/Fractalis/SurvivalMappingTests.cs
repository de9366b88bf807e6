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
        Assert.Contains(native.Statistics, group => group.Curve.Lower.Skip(1).Any(double.IsNaN));

        var result = FractalisResult.Parse(SurvivalAnalysis.TaskName, FractalisResult.Native(native), []);

        Assert.Equal(native.Categories, result["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(native.Subsets, result["subsets"]!.AsArray().Select(s => s!.GetValue<int>()));
        foreach (var group in native.Statistics)
        {
            var read = Curve(result, group);
            Assert.Equal(group.Curve.Timeline, read["timeline"]!.AsArray().Skip(1).Select(FractalisResult.Number));
            Assert.Equal(group.Curve.Estimate, read["estimate"]!.AsArray().Skip(1).Select(FractalisResult.Number));
            Assert.Equal(group.Curve.Lower.Select(NullForNaN), read["ci_lower"]!.AsArray().Skip(1).Select(v => v?.GetValue<double>()));
            Assert.Equal(group.Curve.Upper.Select(NullForNaN), read["ci_upper"]!.AsArray().Skip(1).Select(v => v?.GetValue<double>()));
        }
    }

    [Fact]
    public void ToFractalis_NumericalDurations_LabelIsTheirFeature()
    {
        var native = SurvivalAnalysis.Run(new(SmallCohort.Numerical("os_months", i => i + 1), null, SurvivalEstimator.KaplanMeier, new AnalysisScope()));

        var result = FractalisResult.Parse(SurvivalAnalysis.TaskName, FractalisResult.Native(native), []);

        Assert.Equal(native.Label, result["label"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(SurvivalEstimator.KaplanMeier, 1.0)]
    [InlineData(SurvivalEstimator.NelsonAalen, 0.0)]
    public void ToFractalis_FirstDurationAfterZero_StartsAtZeroWithTheBandCollapsedOnTheEstimate(SurvivalEstimator estimator, double atZero)
    {
        var native = SurvivalAnalysis.Run(new(SmallCohort.Numerical("months", i => 2 + i), null, estimator, new AnalysisScope()));
        var curve = native.Statistics.Single().Curve;
        Assert.True(curve.Timeline[0] > 0);

        var read = Curve(FractalisResult.Parse(SurvivalAnalysis.TaskName, FractalisResult.Native(native), []), native.Statistics.Single());

        Assert.Equal([0.0, .. curve.Timeline], read["timeline"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal([atZero, .. curve.Estimate], read["estimate"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(atZero, FractalisResult.Number(read["ci_lower"]![0]));
        Assert.Equal(atZero, FractalisResult.Number(read["ci_upper"]![0]));
        Assert.Equal(curve.Upper.Count + 1, read["ci_upper"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.0, 0)]
    [InlineData(-1.5, 1)]
    public void ToFractalis_FirstDurationAtOrBeforeZero_KeepsTheNativeTimeline(double first, int firstEvent)
    {
        var native = SurvivalAnalysis.Run(new(
            SmallCohort.Numerical("months", i => i == 0 ? first : i),
            SmallCohort.Numerical("event", i => i == 0 ? firstEvent : 1),
            SurvivalEstimator.KaplanMeier,
            new AnalysisScope()));
        var curve = native.Statistics.Single().Curve;

        var read = Curve(FractalisResult.Parse(SurvivalAnalysis.TaskName, FractalisResult.Native(native), []), native.Statistics.Single());

        Assert.Equal(curve.Timeline, read["timeline"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(curve.Estimate, read["estimate"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(curve.Lower.Count, read["ci_lower"]!.AsArray().Count);
    }

    private static JsonObject Curve(JsonObject result, SurvivalGroup group) =>
        result["stats"]![group.Category]![group.Subset.ToString(CultureInfo.InvariantCulture)]!.AsObject();

    private static double? NullForNaN(double value) => double.IsNaN(value) ? null : value;
}
