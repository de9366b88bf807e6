using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Analyses;

/// <summary>Results serialize with default options even when they hold NaN, and plans survive a JSON round trip, as activity inputs must.</summary>
public sealed class ResultSerializationTests
{
    private static readonly DatasetTable s_x = Numbers("age", [1, 2, 3, 4, 5, 6], ["a", "b", "c", "d", "e", "f"]);
    private static readonly DatasetTable s_y = Numbers("bmi", [2, 1, 4, 3, 6, 5], ["a", "b", "c", "d", "e", "f"]);
    private static readonly AnalysisScope s_scope = new(null, [["a", "b", "c", "d"], ["e"], ["c", "d", "e", "f"]], null);

    [Fact]
    public void Serialize_CorrelationWithOnePointSubset_WritesNaNAsNamedLiteral()
    {
        var result = CorrelationAnalysis.Run(new CorrelationArguments(s_x, s_y, CorrelationMethod.Kendall, s_scope));

        var json = JsonSerializer.Serialize(result);

        Assert.Contains("\"coef\":\"NaN\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_SurvivalBandAtSurvivalOne_WritesNaNAsNamedLiteral()
    {
        var durations = Numbers("t", [1, 2, 3], ["a", "b", "c"]);
        var events = Numbers("e", [0, 1, 1], ["a", "b", "c"]);
        var result = SurvivalAnalysis.Run(new SurvivalArguments(durations, events, SurvivalEstimator.KaplanMeier, new AnalysisScope()));

        var json = JsonSerializer.Serialize(result);

        Assert.Contains("\"ci_lower\":[\"NaN\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrelationPlan_JsonRoundTrip_CombinesToTheSameResult()
    {
        var arguments = new CorrelationArguments(s_x, s_y, CorrelationMethod.Spearman, s_scope);
        var plan = RoundTrip(CorrelationAnalysis.Plan(arguments));

        var combined = CorrelationAnalysis.Combine(plan, [.. plan.Groups.Select(group => CorrelationAnalysis.Statistics(group.X, group.Y, plan.Method))]);

        Assert.Equal(JsonSerializer.Serialize(CorrelationAnalysis.Run(arguments)), JsonSerializer.Serialize(combined));
    }

    [Fact]
    public void BoxplotPlan_JsonRoundTrip_CombinesToTheSameResult()
    {
        var arguments = new BoxplotArguments([s_x, s_y], BoxplotTransformation.Log2, s_scope);
        var plan = RoundTrip(BoxplotAnalysis.Plan(arguments));

        var combined = BoxplotAnalysis.Combine(plan, [.. plan.Groups.Select(group => BoxplotAnalysis.Statistics(group.Values))]);

        Assert.Equal(JsonSerializer.Serialize(BoxplotAnalysis.Run(arguments)), JsonSerializer.Serialize(combined));
    }

    [Fact]
    public void HistogramPlan_JsonRoundTrip_CombinesToTheSameResult()
    {
        var arguments = new HistogramArguments(s_x, 3, 0.5, s_scope);
        var plan = RoundTrip(HistogramAnalysis.Plan(arguments));

        var combined = HistogramAnalysis.Combine(plan, [.. plan.Groups.Select(group => HistogramAnalysis.Statistics(group.Values, plan.BinCount, plan.BandwidthFactor))]);

        Assert.Equal(JsonSerializer.Serialize(HistogramAnalysis.Run(arguments)), JsonSerializer.Serialize(combined));
    }

    [Fact]
    public void SurvivalPlan_JsonRoundTrip_CombinesToTheSameResult()
    {
        var events = Numbers("e", [1, 0, 1, 1, 0, 1], ["a", "b", "c", "d", "e", "f"]);
        var arguments = new SurvivalArguments(s_x, events, SurvivalEstimator.NelsonAalen, s_scope);
        var plan = RoundTrip(SurvivalAnalysis.Plan(arguments));

        var combined = SurvivalAnalysis.Combine(plan, [.. plan.Groups.Select(group => SurvivalAnalysis.Curve(group.Times, group.Events, plan.Estimator))]);

        Assert.Equal(JsonSerializer.Serialize(SurvivalAnalysis.Run(arguments)), JsonSerializer.Serialize(combined));
    }

    [Fact]
    public void Combine_FewerStatisticsThanGroups_Throws()
    {
        var plan = CorrelationAnalysis.Plan(new CorrelationArguments(s_x, s_y, CorrelationMethod.Pearson, s_scope));

        Assert.Throws<ArgumentException>(() => CorrelationAnalysis.Combine(plan, []));
    }

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value))!;

    private static DatasetTable Numbers(string feature, double[] values, string[] ids) =>
        DatasetTable.FromNumbers(DataType.Numerical, ids, [.. ids.Select(_ => feature)], values);
}
