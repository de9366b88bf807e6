using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Histogram;

namespace Fractal.Domain.Tests.Analyses.Histogram;

public sealed class HistogramAnalysisTests
{
    private const string File = "histogram.json";

    public static IEnumerable<object[]> KernelCases => Fixture.CaseNames(File, "kernels");

    [Theory]
    [MemberData(nameof(KernelCases))]
    public void Statistics_ReferenceSample_MatchesNumpyAndScipy(string name)
    {
        var sample = Fixture.Case(File, "kernels", name);

        var statistics = HistogramAnalysis.Statistics(sample.Numbers("values"), sample.GetProperty("num_bins").GetInt32(), sample.Number("bw_factor"));

        AssertMatches(sample.GetProperty("expected"), statistics, name);
    }

    [Fact]
    public void Run_SubsetsTwoCategoriesAndMissingValues_MatchesReference()
    {
        var analysis = Fixture.Load(File).GetProperty("analysis");
        var categories = analysis.GetProperty("categories").EnumerateArray().Select(Fixture.CategoricalTable).ToList();
        var scope = new AnalysisScope(analysis.Strings("id_filter"), analysis.StringLists("subsets"), categories);
        var arguments = new HistogramArguments(
            analysis.GetProperty("data").NumericalTable(), analysis.GetProperty("num_bins").GetInt32(), analysis.Number("bw_factor"), scope);

        var result = HistogramAnalysis.Run(arguments);

        var expected = analysis.GetProperty("expected").EnumerateArray().ToList();
        Assert.Equal(
            expected.Select(group => $"{group.GetProperty("category").GetString()}/{group.GetProperty("subset").GetInt32()}"),
            result.Statistics.Select(group => $"{group.Category}/{group.Subset}"));
        for (var i = 0; i < expected.Count; i++)
        {
            AssertMatches(expected[i], result.Statistics[i].Statistics, $"group {i}");
        }

        Assert.Equal(analysis.Strings("dropped_ids"), result.DroppedIds);
        Assert.Equal("score", result.Label);
    }

    [Fact]
    public void Statistics_ZeroBins_ThrowsNamingNumBins()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => HistogramAnalysis.Statistics([1.0, 2.0], 0, 1.0));

        Assert.Equal("num_bins", error.Argument);
    }

    [Fact]
    public void Statistics_NegativeBandwidthFactor_ThrowsNamingBwFactor()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => HistogramAnalysis.Statistics([1.0, 2.0], 3, -1.0));

        Assert.Equal("bw_factor", error.Argument);
    }

    private static void AssertMatches(JsonElement expected, HistogramStatistics actual, string name)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.Count);
        Assert.Equal(expected.GetProperty("hist").EnumerateArray().Select(count => count.GetInt32()), actual.Counts);
        Close.Equal(expected.Numbers("bin_edges"), actual.BinEdges, Close.Value, $"{name} bin_edges");
        Close.Equal(expected.Number("mean"), actual.Mean, Close.Value, $"{name} mean");
        Close.Equal(expected.Number("median"), actual.Median, Close.Value, $"{name} median");
        Close.Equal(expected.Number("std"), actual.StandardDeviation, Close.Value, $"{name} std");
        var dist = expected.GetProperty("dist");
        if (dist.ValueKind == JsonValueKind.Null)
        {
            Assert.Empty(actual.Density);
            Assert.NotNull(actual.Reason);
        }
        else
        {
            Close.Equal(dist.Numbers(), actual.Density, Close.Value, $"{name} dist");
        }
    }
}
