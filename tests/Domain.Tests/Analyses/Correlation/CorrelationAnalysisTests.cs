using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Correlation;

namespace Fractal.Domain.Tests.Analyses.Correlation;

public sealed class CorrelationAnalysisTests
{
    private const string File = "correlation.json";

    public static IEnumerable<object[]> KernelCases => Fixture.CaseNames(File, "kernels");

    [Theory]
    [MemberData(nameof(KernelCases))]
    public void Statistics_ReferenceSample_MatchesScipyAndNumpy(string name)
    {
        var sample = Fixture.Case(File, "kernels", name);
        var method = CorrelationMethodNames.Parse(sample.GetProperty("method").GetString());

        var statistics = CorrelationAnalysis.Statistics(sample.Numbers("x"), sample.Numbers("y"), method);

        AssertMatches(sample.GetProperty("expected"), statistics, name);
    }

    [Fact]
    public void Statistics_OnePoint_IsNaNWithAReason()
    {
        var statistics = CorrelationAnalysis.Statistics([1.0], [2.0], CorrelationMethod.Pearson);

        Assert.True(double.IsNaN(statistics.Coefficient));
        Assert.NotNull(statistics.Reason);
    }

    [Theory]
    [InlineData("pearson")]
    [InlineData("spearman")]
    [InlineData("kendall")]
    public void Run_SubsetsCategoriesAndMissingValues_MatchesReference(string method)
    {
        var analysis = Fixture.Load(File).GetProperty("analysis");

        var result = CorrelationAnalysis.Run(Arguments(analysis, CorrelationMethodNames.Parse(method)));

        var expected = analysis.GetProperty("expected").GetProperty(method);
        AssertMatches(expected.GetProperty("overall"), result.Overall, $"{method} overall");
        var subsets = expected.GetProperty("subsets").EnumerateArray().ToList();
        Assert.Equal(subsets.Count, result.Subsets.Count);
        for (var i = 0; i < subsets.Count; i++)
        {
            AssertMatches(subsets[i], result.Subsets[i], $"{method} s{i + 1}");
        }
    }

    [Fact]
    public void Run_MissingValues_ReportsDroppedIdsAndLabelsPoints()
    {
        var analysis = Fixture.Load(File).GetProperty("analysis");

        var result = CorrelationAnalysis.Run(Arguments(analysis, CorrelationMethod.Pearson));

        Assert.Equal(analysis.Strings("dropped_ids"), result.DroppedIds.Order(StringComparer.Ordinal));
        Assert.Equal(analysis.GetProperty("point_count").GetInt32(), result.Data.Count);
        Assert.Equal("age", result.XLabel);
        Assert.Equal("bmi", result.YLabel);
    }

    [Fact]
    public void Parse_UnknownMethod_ThrowsNamingMethod()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => CorrelationMethodNames.Parse("cosine"));

        Assert.Equal("method", error.Argument);
    }

    private static CorrelationArguments Arguments(JsonElement analysis, CorrelationMethod method)
    {
        var categories = analysis.GetProperty("categories").EnumerateArray().Select(Fixture.CategoricalTable).ToList();
        var scope = new AnalysisScope(analysis.Strings("id_filter"), analysis.StringLists("subsets"), categories);
        return new CorrelationArguments(
            analysis.GetProperty("x").NumericalTable(), analysis.GetProperty("y").NumericalTable(), method, scope);
    }

    private static void AssertMatches(JsonElement expected, CorrelationStatistics actual, string name)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.Count);
        Close.Equal(expected.Number("coef"), actual.Coefficient, Close.Value, $"{name} coef");
        Close.Equal(expected.Number("p_value"), actual.PValue, Close.PValue, $"{name} p_value");
        Close.Equal(expected.Number("slope"), actual.Slope, Close.Value, $"{name} slope");
        Close.Equal(expected.Number("intercept"), actual.Intercept, Close.Value, $"{name} intercept");
    }
}
