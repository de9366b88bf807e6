using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Analyses;

/// <summary>Inputs with nothing to compute give a clear argument error or NaN with a reason, never a crash.</summary>
public sealed class DegenerateInputTests
{
    [Fact]
    public void Correlation_NoSharedIds_ThrowsNamingY()
    {
        var arguments = new CorrelationArguments(Numbers("x", ["a", "b"], [1, 2]), Numbers("y", ["c", "d"], [1, 2]), CorrelationMethod.Pearson, new AnalysisScope());

        var error = Assert.Throws<AnalysisArgumentException>(() => CorrelationAnalysis.Run(arguments));

        Assert.Equal("y", error.Argument);
    }

    [Fact]
    public void Correlation_ConstantX_GivesNaNLineWithAReason()
    {
        var statistics = CorrelationAnalysis.Statistics([2.0, 2.0, 2.0], [1.0, 2.0, 3.0], CorrelationMethod.Spearman);

        Assert.True(double.IsNaN(statistics.Slope));
        Assert.True(double.IsNaN(statistics.Coefficient));
        Assert.NotNull(statistics.Reason);
    }

    [Fact]
    public void Boxplot_AllValuesNonPositiveUnderLog_HasNoGroupsAndNaNAnovaWithAReason()
    {
        var arguments = new BoxplotArguments([Numbers("v", ["a", "b", "c"], [0, -1, -2])], BoxplotTransformation.Log10, new AnalysisScope());

        var result = BoxplotAnalysis.Run(arguments);

        Assert.Empty(result.Statistics);
        Assert.Equal(3, result.DroppedByTransformation);
        Assert.True(double.IsNaN(result.Anova.F));
        Assert.NotNull(result.Anova.Reason);
    }

    [Fact]
    public void Boxplot_GroupsOfOneValue_AreLeftOut()
    {
        var sex = DatasetTable.FromLabels(["a", "b", "c"], ["sex", "sex", "sex"], ["f", "m", "m"]);
        var arguments = new BoxplotArguments([Numbers("v", ["a", "b", "c"], [1, 2, 3])], BoxplotTransformation.Identity, new AnalysisScope(null, null, [sex]));

        var result = BoxplotAnalysis.Run(arguments);

        Assert.Equal(["v//m//s1"], result.Statistics.Select(group => group.Label));
    }

    [Fact]
    public void Histogram_AllValuesMissing_ThrowsNamingData()
    {
        var arguments = new HistogramArguments(Numbers("v", ["a", "b"], [double.NaN, double.NaN]), 5, 1.0, new AnalysisScope());

        var error = Assert.Throws<AnalysisArgumentException>(() => HistogramAnalysis.Run(arguments));

        Assert.Equal("data", error.Argument);
    }

    [Fact]
    public void Survival_AllDurationsMissing_ThrowsNamingDurations()
    {
        var arguments = new SurvivalArguments(Numbers("t", ["a"], [double.NaN]), null, SurvivalEstimator.KaplanMeier, new AnalysisScope());

        var error = Assert.Throws<AnalysisArgumentException>(() => SurvivalAnalysis.Run(arguments));

        Assert.Equal("durations", error.Argument);
    }

    [Fact]
    public void Survival_OneGroup_HasNaNLogRankWithAReason()
    {
        var arguments = new SurvivalArguments(Numbers("t", ["a", "b"], [1, 2]), null, SurvivalEstimator.KaplanMeier, new AnalysisScope());

        var result = SurvivalAnalysis.Run(arguments);

        Assert.True(double.IsNaN(result.LogRank.PValue));
        Assert.NotNull(result.LogRank.Reason);
    }

    [Fact]
    public void Survival_TimeToEventWithEventObserved_ThrowsNamingEventObserved()
    {
        var timeToEvent = DatasetTable.FromNumbers(DataType.TimeToEvent, ["a", "a"], [DatasetTable.TimeFeature, DatasetTable.EventFeature], [3, 1]);
        var arguments = new SurvivalArguments(timeToEvent, Numbers("e", ["a"], [1]), SurvivalEstimator.KaplanMeier, new AnalysisScope());

        var error = Assert.Throws<AnalysisArgumentException>(() => SurvivalAnalysis.Run(arguments));

        Assert.Equal("event_observed", error.Argument);
    }

    [Fact]
    public void Pca_WhitenedZeroVarianceComponent_IsNaNWithAReason()
    {
        var table = DatasetTable.FromNumbers(
            DataType.NumericalArray, ["a", "a", "b", "b", "c", "c"], ["f1", "f2", "f1", "f2", "f1", "f2"], [1, 2, 2, 4, 3, 6]);

        var result = PcaAnalysis.Run(new PcaArguments([table], true, new AnalysisScope()));

        Assert.All(result.Data, point => Assert.True(double.IsNaN(point.Scores[1])));
        Assert.NotNull(result.Reason);
    }

    private static DatasetTable Numbers(string feature, string[] ids, double[] values) =>
        DatasetTable.FromNumbers(DataType.Numerical, ids, [.. ids.Select(_ => feature)], values);
}
