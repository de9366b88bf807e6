using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Data;
using Fractal.Domain.Statistics.Anova;

namespace Fractal.Domain.Tests.Analyses.Boxplot;

public sealed class BoxplotAnalysisTests
{
    private const string File = "boxplot.json";

    public static IEnumerable<object[]> KernelCases => Fixture.CaseNames(File, "kernels");

    public static IEnumerable<object[]> AnovaCases => Fixture.CaseNames(File, "anova");

    public static IEnumerable<object[]> TransformationCases =>
        Fixture.Load(File).GetProperty("analysis").GetProperty("cases").EnumerateArray().Select(item => new object[] { item.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(KernelCases))]
    public void Statistics_ReferenceSample_MatchesNumpyAndScipy(string name)
    {
        var sample = Fixture.Case(File, "kernels", name);

        var statistics = BoxplotAnalysis.Statistics(sample.Numbers("values"));

        AssertMatches(sample.GetProperty("expected"), statistics, name);
    }

    [Fact]
    public void Statistics_ConstantValues_HasEmptyKdeWithAReason()
    {
        var statistics = BoxplotAnalysis.Statistics([2.0, 2.0, 2.0]);

        Assert.Empty(statistics.Kde);
        Assert.NotNull(statistics.Reason);
    }

    [Theory]
    [MemberData(nameof(AnovaCases))]
    public void OneWayAnova_ReferenceGroups_MatchesScipyFOneway(string name)
    {
        var sample = Fixture.Case(File, "anova", name);
        var groups = sample.GetProperty("groups").EnumerateArray().Select(group => (IReadOnlyList<double>)group.Numbers()).ToList();

        var anova = OneWayAnova.Compute(groups);

        AssertMatches(sample.GetProperty("expected"), anova, name);
    }

    [Fact]
    public void OneWayAnova_OneGroup_IsNaNWithAReason()
    {
        var anova = OneWayAnova.Compute([new[] { 1.0, 2.0 }]);

        Assert.True(double.IsNaN(anova.F));
        Assert.NotNull(anova.Reason);
    }

    [Theory]
    [MemberData(nameof(TransformationCases))]
    public void Run_VariablesSubsetsCategoriesAndTransformation_MatchesReference(string name)
    {
        var analysis = Fixture.Load(File).GetProperty("analysis");
        var expected = analysis.GetProperty("cases").EnumerateArray().Single(item => item.GetProperty("name").GetString() == name);
        var categories = analysis.GetProperty("categories").EnumerateArray().Select(Fixture.CategoricalTable).ToList();
        var scope = new AnalysisScope(analysis.Strings("id_filter"), analysis.StringLists("subsets"), categories);
        var variables = analysis.GetProperty("variables").EnumerateArray().Select(Fixture.NumericalTable).ToList();

        var result = BoxplotAnalysis.Run(new BoxplotArguments(variables, BoxplotTransformationNames.Parse(expected.GetProperty("transformation").GetString()), scope));

        var reference = expected.GetProperty("expected");
        var groups = reference.GetProperty("statistics").EnumerateArray().ToDictionary(item => item.GetProperty("label").GetString()!);
        Assert.Equal(groups.Keys.Order(StringComparer.Ordinal), result.Statistics.Select(group => group.Label).Order(StringComparer.Ordinal));
        foreach (var group in result.Statistics)
        {
            AssertMatches(groups[group.Label], group.Statistics, group.Label);
        }

        AssertMatches(reference.GetProperty("anova"), result.Anova, $"{name} anova");
        Assert.Equal(reference.GetProperty("dropped_missing").GetInt32(), result.DroppedMissing);
        Assert.Equal(reference.GetProperty("dropped_by_transformation").GetInt32(), result.DroppedByTransformation);
    }

    [Fact]
    public void Run_GroupOfOneValue_HasNoBoxButItsPointIsInTheDataUnmarked()
    {
        var age = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c", "d"], ["age", "age", "age", "age"], [30, 40, 50, 60]);
        var scope = new AnalysisScope(null, [["a", "b", "c"], ["d"]], null);

        var result = BoxplotAnalysis.Run(new BoxplotArguments([age], BoxplotTransformation.Identity, scope));

        Assert.Equal([0], result.Statistics.Select(group => group.Subset));
        var single = Assert.Single(result.Data, point => point.Subset == 1);
        Assert.Equal(("d", 60.0, (bool?)null), (single.Id, single.Value, single.Outlier));
        Assert.All(result.Data.Where(point => point.Subset == 0), point => Assert.NotNull(point.Outlier));
    }

    [Fact]
    public void Run_SubsetsAndCategories_DataListsEveryKeptValueOncePerGroup()
    {
        var age = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c", "d", "e"], ["age", "age", "age", "age", "age"], [30, 40, double.NaN, 60, 70]);
        var sex = DatasetTable.FromLabels(["a", "b", "c", "d", "e"], ["sex", "sex", "sex", "sex", "sex"], ["F", "F", "M", "M", "F"]);
        var scope = new AnalysisScope(null, [["a", "b", "c", "d"], ["d", "e"]], [sex]);

        var result = BoxplotAnalysis.Run(new BoxplotArguments([age], BoxplotTransformation.Identity, scope));

        Assert.Equal(
            ["a/F/0", "b/F/0", "d/M/0", "d/M/1", "e/F/1"],
            result.Data.Select(point => $"{point.Id}/{point.Category}/{point.Subset}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_NoVariables_ThrowsNamingVariables()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => BoxplotAnalysis.Run(new BoxplotArguments([], BoxplotTransformation.Identity, new AnalysisScope())));

        Assert.Equal("variables", error.Argument);
    }

    [Theory]
    [InlineData("log2(x)", BoxplotTransformation.Log2)]
    [InlineData("10^x", BoxplotTransformation.Pow10)]
    [InlineData("pow2", BoxplotTransformation.Pow2)]
    public void Parse_CanonicalOrFractalisName_GivesTransformation(string name, BoxplotTransformation expected)
    {
        Assert.Equal(expected, BoxplotTransformationNames.Parse(name));
    }

    [Fact]
    public void Parse_UnknownTransformation_ThrowsNamingTransformation()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => BoxplotTransformationNames.Parse("sqrt"));

        Assert.Equal("transformation", error.Argument);
    }

    private static void AssertMatches(JsonElement expected, BoxplotStatistics actual, string name)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.Count);
        Close.Equal(expected.Number("l_qrt"), actual.LowerQuartile, Close.Value, $"{name} l_qrt");
        Close.Equal(expected.Number("median"), actual.Median, Close.Value, $"{name} median");
        Close.Equal(expected.Number("u_qrt"), actual.UpperQuartile, Close.Value, $"{name} u_qrt");
        Close.Equal(expected.Number("l_wsk"), actual.LowerWhisker, Close.Value, $"{name} l_wsk");
        Close.Equal(expected.Number("u_wsk"), actual.UpperWhisker, Close.Value, $"{name} u_wsk");
        Close.Equal(expected.Numbers("outliers"), actual.Outliers, Close.Value, $"{name} outliers");
        var kde = expected.GetProperty("kde");
        if (kde.ValueKind == JsonValueKind.Null)
        {
            Assert.Empty(actual.Kde);
        }
        else
        {
            Close.Equal(kde.Numbers(), actual.Kde, Close.Value, $"{name} kde");
        }
    }

    private static void AssertMatches(JsonElement expected, AnovaResult actual, string name)
    {
        var f = expected.GetProperty("f_value");
        Close.Equal(f.ValueKind == JsonValueKind.String ? double.Parse(f.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : f.Number(), actual.F, Close.Value, $"{name} F");
        Close.Equal(expected.Number("p_value"), actual.PValue, Close.PValue, $"{name} p_value");
    }
}
