using System.Globalization;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Pca;
using Fractal.FunctionApp.Fractalis.Tasks;

using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Pca;

/// <summary><c>compute-pca</c> as PCA.vue sends and reads it.</summary>
public sealed class PcaMappingTests
{
    [Fact]
    public void ToNative_ChartArgs_KeepsTheNames()
    {
        var args = FractalisResult.Args("""
            {"features": [{"id": "d-genes", "filters": {"feature": ["g1", "g2"]}}, "d-age"], "categories": ["d-sex"],
             "whiten": true, "id_filter": [], "subsets": []}
            """);

        var native = FractalisResult.ToNative(PcaAnalysis.TaskName, args);

        Assert.True(JsonNode.DeepEquals(args["features"], native["features"]));
        Assert.True(native["whiten"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(args["categories"], native["categories"]));
    }

    [Fact]
    public void ToNative_WhitenNotABoolean_ThrowsNamingWhiten()
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisResult.ToNative(PcaAnalysis.TaskName, FractalisResult.Args("""{"features": ["a"], "whiten": "no"}""")));

        Assert.Equal("whiten", error.Argument);
    }

    [Fact]
    public void ToFractalis_NativeResult_GivesColumnsPerComponent()
    {
        var native = PcaAnalysis.Run(new(
            [SmallCohort.Array(4, (f, s) => (f * s) + SmallCohort.Noise((f * 31) + s)), SmallCohort.Numerical("age", i => 30 + i)],
            false,
            new AnalysisScope(null, SmallCohort.Halves, [SmallCohort.Categorical("sex", i => i % 2 == 0 ? "M" : "F")])));

        var result = FractalisResult.Parse(PcaAnalysis.TaskName, FractalisResult.Native(native), []);
        var data = result["data"]!.AsObject();
        var loadings = result["loadings"]!.AsObject();

        Assert.Equal(native.VarianceRatios, result["variance_ratios"]!.AsArray().Select(FractalisResult.Number));
        Assert.Equal(native.Data.Select(p => p.Id), data["id"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(native.Data.Select(p => p.Subset), data["subset"]!.AsArray().Select(s => s!.GetValue<int>()));
        Assert.Equal(native.Data.Select(p => p.Category), data["category"]!.AsArray().Select(c => c!.GetValue<string>()));
        for (var component = 0; component < native.VarianceRatios.Count; component++)
        {
            var name = component.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(native.Data.Select(p => p.Scores[component]), data[name]!.AsArray().Select(FractalisResult.Number));
            Assert.Equal(native.Loadings.Select(l => l.Loadings[component]), loadings[name]!.AsArray().Select(FractalisResult.Number));
        }

        Assert.Equal(native.Loadings.Select(l => l.Feature), loadings["feature"]!.AsArray().Select(f => f!.GetValue<string>()));
    }
}
