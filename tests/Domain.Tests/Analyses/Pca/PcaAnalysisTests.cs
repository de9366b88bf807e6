using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Analyses.Pca;

public sealed class PcaAnalysisTests
{
    private const string File = "pca.json";

    /// <summary>Below this variance ratio a component is degenerate: its direction, and so its whitened scores, are arbitrary.</summary>
    private const double DegenerateRatio = 1e-12;

    public static IEnumerable<object[]> Cases => Fixture.Load(File).GetProperty("cases").EnumerateArray()
        .Select(item => new object[] { item.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_ReferenceMatrix_MatchesScikitLearnWithFixedSigns(string name)
    {
        var sample = Fixture.Case(File, "cases", name);
        var whiten = sample.GetProperty("whiten").GetBoolean();

        var result = PcaAnalysis.Run(new PcaArguments(SplitTables(sample), whiten, new AnalysisScope()));

        var expected = sample.GetProperty("expected");
        var ratios = expected.Numbers("variance_ratios");
        Close.Equal(ratios, result.VarianceRatios, Close.Value, $"{name} variance_ratios");
        Close.Equal(expected.Numbers("explained_variance"), result.ExplainedVariance, Close.Value, $"{name} explained_variance");
        var loadings = expected.GetProperty("loadings").EnumerateArray().ToList();
        Assert.Equal(sample.Strings("features"), result.Loadings.Select(loading => loading.Feature));
        for (var feature = 0; feature < loadings.Count; feature++)
        {
            Close.Equal(loadings[feature].Numbers(), result.Loadings[feature].Loadings, Close.Value, $"{name} loadings[{feature}]");
        }

        var scores = expected.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal(sample.Strings("ids"), result.Data.Select(point => point.Id));
        for (var row = 0; row < scores.Count; row++)
        {
            var expectedRow = scores[row].Numbers();
            for (var component = 0; component < expectedRow.Length; component++)
            {
                var actual = result.Data[row].Scores[component];
                if (whiten && ratios[component] < DegenerateRatio)
                {
                    Assert.True(double.IsNaN(actual), $"{name} whitened degenerate score [{row}, {component}] should be NaN.");
                }
                else
                {
                    Close.Equal(expectedRow[component], actual, Close.Value, $"{name} scores[{row}, {component}]");
                }
            }
        }
    }

    [Fact]
    public void Run_Subsets_DuplicatesScoresPerSubsetAndKeepsOnlySubsetIds()
    {
        var sample = Fixture.Case(File, "cases", "small_missing/plain");
        var scope = new AnalysisScope(null, [["i00", "i01"], ["i01", "i02"]], null);

        var result = PcaAnalysis.Run(new PcaArguments(SplitTables(sample), false, scope));

        Assert.Equal(["i00/0", "i01/0", "i01/1", "i02/1"], result.Data.Select(point => $"{point.Id}/{point.Subset}"));
        Assert.Equal(result.Data[1].Scores, result.Data[2].Scores);
    }

    [Fact]
    public void Run_MissingValues_CountsImputedValues()
    {
        var sample = Fixture.Case(File, "cases", "small_missing/plain");

        var result = PcaAnalysis.Run(new PcaArguments(SplitTables(sample), false, new AnalysisScope()));

        Assert.Equal(2, result.ImputedValues);
    }

    [Fact]
    public void Run_FeatureWithNoValue_IsDroppedAndReported()
    {
        var table = DatasetTable.FromNumbers(
            DataType.NumericalArray, ["a", "a", "b", "b", "c", "c"], ["f1", "f2", "f1", "f2", "f1", "f2"], [1, double.NaN, 2, double.NaN, 4, double.NaN]);

        var result = PcaAnalysis.Run(new PcaArguments([table], false, new AnalysisScope()));

        Assert.Equal(["f2"], result.DroppedFeatures);
        Assert.Single(result.VarianceRatios);
    }

    [Fact]
    public void Run_OneId_ThrowsNamingFeatures()
    {
        var table = DatasetTable.FromNumbers(DataType.NumericalArray, ["a", "a"], ["f1", "f2"], [1, 2]);

        var error = Assert.Throws<AnalysisArgumentException>(() => PcaAnalysis.Run(new PcaArguments([table], false, new AnalysisScope())));

        Assert.Equal("features", error.Argument);
    }

    [Fact]
    public void Run_CategoricalDataset_ThrowsNamingFeatures()
    {
        var table = DatasetTable.FromLabels(["a", "b"], ["sex", "sex"], ["f", "m"]);

        var error = Assert.Throws<AnalysisArgumentException>(() => PcaAnalysis.Run(new PcaArguments([table], false, new AnalysisScope())));

        Assert.Equal("features", error.Argument);
    }

    /// <summary>The fixture matrix as two datasets: the first feature numerical, the rest a numerical array.</summary>
    private static List<DatasetTable> SplitTables(JsonElement sample)
    {
        var ids = sample.Strings("ids");
        var features = sample.Strings("features");
        var rows = sample.GetProperty("matrix").EnumerateArray().Select(row => row.Numbers()).ToArray();
        var first = new DatasetTableBuilder(DataType.Numerical);
        var rest = new DatasetTableBuilder(DataType.NumericalArray);
        for (var column = 0; column < features.Length; column++)
        {
            for (var row = 0; row < ids.Length; row++)
            {
                (column == 0 ? first : rest).Add(ids[row], features[column], rows[row][column]);
            }
        }

        return [first.Build(), rest.Build()];
    }
}
