using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Data;
using Fractal.Domain.Statistics.Survival;

namespace Fractal.Domain.Tests.Analyses.Survival;

public sealed class SurvivalAnalysisTests
{
    private const string File = "survival.json";

    public static IEnumerable<object[]> Cases => Fixture.Load(File).GetProperty("cases").EnumerateArray()
        .Select(item => new object[] { item.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Curve_KaplanMeier_MatchesSurvfitLogLog(string name)
    {
        foreach (var (group, index) in Groups(name).Select((group, index) => (group, index)))
        {
            var curve = SurvivalAnalysis.Curve(group.Numbers("time"), Flags(group), SurvivalEstimator.KaplanMeier);

            AssertTable(group, curve, $"{name}[{index}]");
            Close.Equal(group.Numbers("km_estimate"), curve.Estimate, Close.Value, $"{name}[{index}] surv");
            Close.Equal(group.Numbers("km_lower"), curve.Lower, Close.PValue, $"{name}[{index}] lower");
            Close.Equal(group.Numbers("km_upper"), curve.Upper, Close.PValue, $"{name}[{index}] upper");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Curve_NelsonAalen_MatchesSurvfitCtype1(string name)
    {
        foreach (var (group, index) in Groups(name).Select((group, index) => (group, index)))
        {
            var curve = SurvivalAnalysis.Curve(group.Numbers("time"), Flags(group), SurvivalEstimator.NelsonAalen);

            AssertTable(group, curve, $"{name}[{index}]");
            Close.Equal(group.Numbers("na_estimate"), curve.Estimate, Close.Value, $"{name}[{index}] cumhaz");
            Close.Equal(group.Numbers("na_lower"), curve.Lower, Close.PValue, $"{name}[{index}] lower");
            Close.Equal(group.Numbers("na_upper"), curve.Upper, Close.PValue, $"{name}[{index}] upper");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LogRank_Groups_MatchesSurvdiff(string name)
    {
        var groups = Groups(name).Select(group => ((IReadOnlyList<double>)group.Numbers("time"), (IReadOnlyList<bool>)Flags(group))).ToList();

        var test = LogRankTest.Compute(groups);

        AssertLogRank(Fixture.Case(File, "cases", name).GetProperty("logrank"), test, name);
    }

    [Theory]
    [InlineData("three_groups_rounded_ties", "KaplanMeier")]
    [InlineData("single_subject_and_all_censored", "NelsonAalen")]
    public void Run_TimeToEventDatasetSplitByCategory_MatchesPerGroupReference(string name, string estimator)
    {
        var groups = Groups(name);
        var builder = new DatasetTableBuilder(DataType.TimeToEvent);
        var ids = new List<string>();
        var labels = new List<string?>();
        for (var g = 0; g < groups.Count; g++)
        {
            var times = groups[g].Numbers("time");
            var flags = groups[g].Numbers("event");
            for (var i = 0; i < times.Length; i++)
            {
                var id = $"g{g}-{i}";
                builder.Add(id, DatasetTable.TimeFeature, times[i]);
                builder.Add(id, DatasetTable.EventFeature, flags[i]);
                ids.Add(id);
                labels.Add($"group{g}");
            }
        }

        var category = DatasetTable.FromLabels([.. ids], [.. ids.Select(_ => "arm")], [.. labels]);
        var arguments = new SurvivalArguments(builder.Build(), null, SurvivalEstimatorNames.Parse(estimator), new AnalysisScope(null, null, [category]));

        var result = SurvivalAnalysis.Run(arguments);

        Assert.Equal(groups.Select((_, g) => $"group{g}"), result.Statistics.Select(group => group.Category));
        var prefix = estimator == "KaplanMeier" ? "km" : "na";
        for (var g = 0; g < groups.Count; g++)
        {
            AssertTable(groups[g], result.Statistics[g].Curve, $"{name} group{g}");
            Close.Equal(groups[g].Numbers($"{prefix}_estimate"), result.Statistics[g].Curve.Estimate, Close.Value, $"{name} group{g} estimate");
            Close.Equal(groups[g].Numbers($"{prefix}_upper"), result.Statistics[g].Curve.Upper, Close.PValue, $"{name} group{g} upper");
        }

        AssertLogRank(Fixture.Case(File, "cases", name).GetProperty("logrank"), result.LogRank, name);
    }

    [Fact]
    public void Run_MissingDurationAndEventFlag_DropsOneAndCensorsTheOther()
    {
        var durations = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c", "d"], ["t", "t", "t", "t"], [1, double.NaN, 3, 4]);
        var events = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c"], ["e", "e", "e"], [1, 1, double.NaN]);

        var result = SurvivalAnalysis.Run(new SurvivalArguments(durations, events, SurvivalEstimator.KaplanMeier, new AnalysisScope()));

        Assert.Equal(["b"], result.DroppedIds);
        Assert.Equal(["c", "d"], result.CensoredWithoutFlagIds);
        Assert.Equal([1, 0, 0], result.Statistics.Single().Curve.Events);
    }

    [Fact]
    public void Run_CategoricalEventObserved_EventWhereAValueIsPresent()
    {
        var durations = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c", "d"], ["t", "t", "t", "t"], [1, 2, 3, 4]);
        var events = DatasetTable.FromLabels(["a", "b", "c"], ["status", "status", "status"], ["dead", null, "alive"]);

        var result = SurvivalAnalysis.Run(new SurvivalArguments(durations, events, SurvivalEstimator.KaplanMeier, new AnalysisScope()));

        Assert.Equal([1, 0, 1, 0], result.Statistics.Single().Curve.Events);
        Assert.Equal(["b", "d"], result.CensoredWithoutFlagIds);
    }

    [Fact]
    public void Run_NumericalEventObserved_EventWhereNotZero()
    {
        var durations = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c"], ["t", "t", "t"], [1, 2, 3]);
        var events = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c"], ["e", "e", "e"], [0, 2, 1]);

        var result = SurvivalAnalysis.Run(new SurvivalArguments(durations, events, SurvivalEstimator.KaplanMeier, new AnalysisScope()));

        Assert.Equal([0, 1, 1], result.Statistics.Single().Curve.Events);
    }

    [Fact]
    public void Run_EventObservedOfTwoFeatures_ThrowsNamingEventObserved()
    {
        var durations = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b"], ["t", "t"], [1, 2]);
        var events = DatasetTable.FromLabels(["a", "b"], ["status", "stage"], ["dead", "II"]);

        var error = Assert.Throws<AnalysisArgumentException>(() => SurvivalAnalysis.Run(new SurvivalArguments(durations, events, SurvivalEstimator.KaplanMeier, new AnalysisScope())));

        Assert.Equal("event_observed", error.Argument);
    }

    [Fact]
    public void Run_DurationsApartByFloatingPointNoise_AreOneTimeOnTheCurve()
    {
        var durations = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c"], ["t", "t", "t"], [0.7 + 0.1, 0.8, 2]);

        var curve = SurvivalAnalysis.Run(new SurvivalArguments(durations, null, SurvivalEstimator.KaplanMeier, new AnalysisScope())).Statistics.Single().Curve;

        Assert.Equal(2, curve.Timeline.Count);
        Assert.Equal(2, curve.Events[0]);
    }

    [Fact]
    public void Run_NumericalDurations_LabelIsTheirFeature()
    {
        var durations = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c"], ["os_months", "os_months", "os_months"], [1, 2, 3]);

        var result = SurvivalAnalysis.Run(new SurvivalArguments(durations, null, SurvivalEstimator.KaplanMeier, new AnalysisScope()));

        Assert.Equal("os_months", result.Label);
    }

    [Fact]
    public void Run_TimeToEventDurations_LabelIsTheTimeFeature()
    {
        var builder = new DatasetTableBuilder(DataType.TimeToEvent);
        builder.Add("a", DatasetTable.TimeFeature, 4);
        builder.Add("a", DatasetTable.EventFeature, 1);

        var result = SurvivalAnalysis.Run(new SurvivalArguments(builder.Build(), null, SurvivalEstimator.NelsonAalen, new AnalysisScope()));

        Assert.Equal(DatasetTable.TimeFeature, result.Label);
    }

    [Fact]
    public void LogRank_OneGroup_IsNaNWithAReason()
    {
        var test = LogRankTest.Compute([([1.0, 2.0], [true, false])]);

        Assert.True(double.IsNaN(test.ChiSquared));
        Assert.NotNull(test.Reason);
    }

    [Fact]
    public void Parse_UnknownEstimator_ThrowsNamingEstimator()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => SurvivalEstimatorNames.Parse("Cox"));

        Assert.Equal("estimator", error.Argument);
    }

    private static List<JsonElement> Groups(string name) =>
        [.. Fixture.Case(File, "cases", name).GetProperty("groups").EnumerateArray()];

    private static bool[] Flags(JsonElement group) => [.. group.Numbers("event").Select(flag => flag != 0)];

    private static void AssertTable(JsonElement expected, SurvivalCurve actual, string name)
    {
        Close.Equal(expected.Numbers("timeline"), actual.Timeline, Close.Value, $"{name} timeline");
        Assert.Equal(expected.Numbers("at_risk").Select(count => (int)count), actual.AtRisk);
        Assert.Equal(expected.Numbers("events").Select(count => (int)count), actual.Events);
        Close.Equal(expected.Number("median"), actual.Median, Close.Value, $"{name} median");
    }

    private static void AssertLogRank(JsonElement expected, LogRankResult actual, string name)
    {
        Close.Equal(expected.Number("chi2"), actual.ChiSquared, Close.Value, $"{name} chi2");
        Assert.Equal(expected.GetProperty("df").GetInt32(), actual.DegreesOfFreedom);
        Close.Equal(expected.Number("p_value"), actual.PValue, Close.PValue, $"{name} p_value");
    }
}
