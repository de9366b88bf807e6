using System.Text.Json;

using Fractal.Domain.Statistics.DESeq2;

namespace Fractal.Domain.Tests.Statistics.DESeq2;

public sealed class IndependentFilteringTests
{
    public static TheoryData<string> Cases =>
    [
        "deseq_alpha_0.1",
        "deseq_alpha_0.05",
        "null_at_most_ten_rejections",
        "missing_p_and_tied_filter",
        "mostly_zero_filter",
        "signal_in_low_means",
        "filtering_gains",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjust_ReferenceCase_MatchesDESeq2Padj(string name)
    {
        var fixture = Case(name);

        var result = Run(fixture);

        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("padj")), result.AdjustedPValues, Tolerance.Values, name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjust_ReferenceCase_MatchesFilterThresholdAndTheta(string name)
    {
        var fixture = Case(name);

        var result = Run(fixture);

        Tolerance.AssertClose(fixture.GetProperty("filterThreshold").GetDouble(), result.FilterThreshold, Tolerance.Values, name + " threshold");
        Tolerance.AssertClose(fixture.GetProperty("filterTheta").GetDouble(), result.FilterTheta, Tolerance.Values, name + " theta");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjust_ReferenceCase_MatchesRejectionsPerThetaAndTheirLowess(string name)
    {
        var fixture = Case(name);

        var result = Run(fixture);

        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("theta")), result.Thetas, Tolerance.Values, name + " theta");
        Assert.Equal(ReferenceFixture.Integers(fixture.GetProperty("numRej")), result.Rejections);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("lowess")), result.FittedRejections, Tolerance.Values, name + " lowess");
    }

    [Fact]
    public void Adjust_GainFromFiltering_ChoosesALaterTheta()
    {
        var result = Run(Case("filtering_gains"));

        Assert.True(result.FilterTheta > result.Thetas[0]);
        Assert.Contains(result.AdjustedPValues, double.IsNaN);
    }

    [Fact]
    public void Adjust_AtMostTenRejections_KeepsTheFirstTheta()
    {
        var result = Run(Case("null_at_most_ten_rejections"));

        Assert.True(result.Rejections.Max() <= 10);
        Assert.Equal(result.Thetas[0], result.FilterTheta);
    }

    [Fact]
    public void Adjust_MostlyZeroFilter_TriesThetasUpToOne()
    {
        var result = Run(Case("mostly_zero_filter"));

        Assert.Equal(0.97, result.Thetas[0], 15);
        Assert.Equal(1.0, result.Thetas[^1]);
    }

    [Fact]
    public void Adjust_RowsAtTheCutoff_AreKept()
    {
        // No zeros: the first theta is 0 and its cutoff the smallest filter value, which both tied rows have.
        double[] baseMean = [2, 2, 3, 4];
        double[] pValues = [0.01, 0.02, 0.03, 0.5];

        var result = IndependentFiltering.Adjust(baseMean, pValues);

        Assert.Equal(2, result.FilterThreshold);
        Tolerance.AssertAllClose([0.04, 0.04, 0.04, 0.5], result.AdjustedPValues, Tolerance.Values, "padj");
    }

    [Fact]
    public void Adjust_MissingPValues_StayMissing()
    {
        double[] baseMean = [10, 20, 30, 40];
        double[] pValues = [0.01, double.NaN, 0.03, 0.5];

        var result = IndependentFiltering.Adjust(baseMean, pValues);

        Assert.True(double.IsNaN(result.AdjustedPValues[1]));
        Tolerance.AssertAllClose([0.03, 0.045, 0.5], [result.AdjustedPValues[0], result.AdjustedPValues[2], result.AdjustedPValues[3]], Tolerance.Values, "padj");
    }

    [Fact]
    public void Adjust_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => IndependentFiltering.Adjust([1.0, 2.0], [0.5]));
    }

    [Fact]
    public void Adjust_NoRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => IndependentFiltering.Adjust([], []));
    }

    [Fact]
    public void Adjust_MissingFilterValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => IndependentFiltering.Adjust([1.0, double.NaN], [0.1, 0.2]));
    }

    [Fact]
    public void Adjust_AlphaOutsideZeroToOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndependentFiltering.Adjust([1.0, 2.0], [0.1, 0.2], alpha: 1));
    }

    private static IndependentFilteringResult Run(JsonElement fixture) =>
        IndependentFiltering.Adjust(
            ReferenceFixture.Numbers(fixture.GetProperty("baseMean")),
            ReferenceFixture.Numbers(fixture.GetProperty("pvalue")),
            fixture.GetProperty("alpha").GetDouble());

    private static JsonElement Case(string name) =>
        ReferenceFixture.Load("deseq2", "independent_filtering").GetProperty("cases").EnumerateArray()
            .Single(item => item.GetProperty("name").GetString() == name);
}
