using System.Globalization;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Survival;
using Fractal.FunctionApp.Fractalis.Tasks;

using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Survival;

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

        var native = FractalisResult.ToNative(SurvivalAnalysis.TaskName, args);

        Assert.Equal("d-months", native["durations"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["event_observed"]![0], native["event_observed"]));
        Assert.Equal("NelsonAalen", native["estimator"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(args["categories"], native["categories"]));
    }

    [Fact]
    public void ToNative_NoEventObserved_LeavesItOut()
    {
        var args = FractalisResult.Args("""{"durations": ["d-months"], "categories": [], "event_observed": [], "estimator": "KaplanMeier"}""");

        var native = FractalisResult.ToNative(SurvivalAnalysis.TaskName, args);

        Assert.False(native.ContainsKey("event_observed"));
    }

    [Theory]
    [InlineData("""{"durations": ["a", "b"]}""", "durations")]
    [InlineData("""{"durations": []}""", "durations")]
    [InlineData("""{"durations": ["a"], "event_observed": ["b", "c"]}""", "event_observed")]
    public void ToNative_WrongCount_ThrowsNamingIt(string json, string argument)
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisResult.ToNative(SurvivalAnalysis.TaskName, FractalisResult.Args(json)));

        Assert.Equal(argument, error.Argument);
    }

    [Fact]
    public void ToFractalis_KaplanMeier_GivesCurvesByCategoryAndSubset()
    {
        var native = SurvivalAnalysis.Run(new(
            SmallCohort.Numerical("months", i => 3 + (2 * i) + SmallCohort.Noise(i)),
            SmallCohort.Numerical("event", i => i % 4 == 3 ? 0 : 1),
            SurvivalEstimator.KaplanMeier,
            new AnalysisScope(null, SmallCohort.Halves, null)));

        var result = FractalisResult.Parse(SurvivalAnalysis.TaskName, FractalisResult.Native(native), []);

        Assert.Equal(native.Categories, result["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(native.Subsets, result["subsets"]!.AsArray().Select(s => s!.GetValue<int>()));
        foreach (var group in native.Statistics)
        {
            var read = Curve(result, group);
            Assert.Equal(group.Curve.Timeline, read["timeline"]!.AsArray().Skip(1).Select(FractalisResult.Number));
            Assert.Equal(group.Curve.Estimate, read["estimate"]!.AsArray().Skip(1).Select(FractalisResult.Number));
            Assert.Equal(Defined(group.Curve.Lower), Defined(read["ci_lower"]!.AsArray().Skip(1), group.Curve.Lower));
            Assert.Equal(Defined(group.Curve.Upper), Defined(read["ci_upper"]!.AsArray().Skip(1), group.Curve.Upper));
        }
    }

    [Fact]
    public void ToFractalis_KaplanMeierBandUndefinedWhereSurvivalIsCertain_IsTheEstimateNotNull()
    {
        var native = SurvivalAnalysis.Run(new(
            SmallCohort.Numerical("months", i => 1 + i),
            SmallCohort.Numerical("event", i => i == 0 ? 0 : 1),
            SurvivalEstimator.KaplanMeier,
            new AnalysisScope()));
        var curve = native.Statistics.Single().Curve;
        Assert.Equal([1.0, 0.0], [curve.Estimate[0], curve.Estimate[^1]]);
        Assert.True(double.IsNaN(curve.Lower[0]) && double.IsNaN(curve.Upper[^1]));

        var read = Curve(FractalisResult.Parse(SurvivalAnalysis.TaskName, FractalisResult.Native(native), []), native.Statistics.Single());

        var lower = read["ci_lower"]!.AsArray();
        var upper = read["ci_upper"]!.AsArray();
        Assert.Equal([1.0, 1.0], [FractalisResult.Number(lower[1]), FractalisResult.Number(upper[1])]);
        Assert.Equal([0.0, 0.0], [FractalisResult.Number(lower[^1]), FractalisResult.Number(upper[^1])]);
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

    // The band where the native one is defined: its values, or what was read at the same points.
    private static double[] Defined(IReadOnlyList<double> native) => [.. native.Where(value => !double.IsNaN(value))];

    private static double[] Defined(IEnumerable<JsonNode?> read, IReadOnlyList<double> native) =>
        [.. read.Where((_, i) => !double.IsNaN(native[i])).Select(FractalisResult.Number)];
}
