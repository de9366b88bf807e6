using System.Text.Json;
using Fractal.Domain.Statistics.DESeq2;

namespace Fractal.Domain.Tests.Statistics.DESeq2;

public sealed class DESeq2PipelineTests
{
    /// <summary>
    /// The cases of <c>tests/reference/deseq2/make_deseq2.R</c>, each run through Bioconductor's DESeq2 1.38.3, where
    /// every gene's fit converges (so DESeq2 refits none with optim).
    /// </summary>
    public static TheoryData<string> Cases { get; } = new(["three_vs_three", "four_vs_five_with_outliers", "seven_vs_eight_with_outliers", "two_vs_two", "three_vs_two"]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_SimulatedCounts_MatchesDESeq2Results(string name)
    {
        var fixture = Case(name);

        var table = DESeq2Pipeline.Run(ReferenceFixture.Rows(fixture.GetProperty("counts")), ReferenceFixture.Integers(fixture.GetProperty("groups")));

        Assert.All(table.Converged, Assert.True);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("base_mean")), table.BaseMean, Tolerance.Values, "baseMean");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("log2_fold_change")), table.Log2FoldChange, Tolerance.Statistics, "log2FoldChange", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("lfc_se")), table.LfcStandardError, Tolerance.Statistics, "lfcSE");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("stat")), table.Stat, Tolerance.Statistics, "stat", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("pvalue")), table.PValue, Tolerance.Statistics, "pvalue", 1e-15);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("padj")), table.AdjustedPValue, Tolerance.Statistics, "padj", 1e-15);
    }

    [Fact]
    public void Run_SingleCountInGroupsOfSeven_IsReplacedToNoChangeAsDESeq2Reports()
    {
        var fixture = Case("seven_vs_eight_with_outliers");

        var table = DESeq2Pipeline.Run(ReferenceFixture.Rows(fixture.GetProperty("counts")), ReferenceFixture.Integers(fixture.GetProperty("groups")));

        Assert.Equal((0, 0, 0, 0, 1), (table.BaseMean[3], table.Log2FoldChange[3], table.LfcStandardError[3], table.Stat[3], table.PValue[3]));
    }

    [Fact]
    public void Run_FitThatDESeq2RefitsWithOptim_IsMarkedNotConverged()
    {
        var fixture = Case("three_vs_three_with_spike");
        var refitted = ReferenceFixture.Numbers(fixture.GetProperty("beta_iter")).Select(iterations => iterations >= 100).ToArray();

        var table = DESeq2Pipeline.Run(ReferenceFixture.Rows(fixture.GetProperty("counts")), ReferenceFixture.Integers(fixture.GetProperty("groups")));

        Assert.Contains(true, refitted);
        Assert.Equal<bool>(refitted, table.Converged.Select(converged => !converged));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MedianOfRatios_SimulatedCounts_MatchesDESeq2SizeFactors(string name)
    {
        var fixture = Case(name);
        var counts = ReferenceFixture.Rows(fixture.GetProperty("counts"));

        var factors = SizeFactors.MedianOfRatios(counts, counts[0].Length);

        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("size_factors")), factors, Tolerance.Values, "size factors");
    }

    [Fact]
    public void Run_GeneWithNoCounts_HasOnlyAZeroBaseMean()
    {
        var fixture = Case("three_vs_three");

        var table = DESeq2Pipeline.Run(ReferenceFixture.Rows(fixture.GetProperty("counts")), ReferenceFixture.Integers(fixture.GetProperty("groups")));

        Assert.Equal(0, table.BaseMean[0]);
        Assert.All([table.Log2FoldChange[0], table.LfcStandardError[0], table.Stat[0], table.PValue[0], table.AdjustedPValue[0]], value => Assert.True(double.IsNaN(value)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2.5)]
    [InlineData(double.NaN)]
    public void Run_ValueThatIsNotACount_ThrowsNamingIt(double value)
    {
        double[][] counts = [[1, 5, 3, 8], [10, 12, value, 9]];

        var error = Assert.Throws<ArgumentException>(() => DESeq2Pipeline.Run(counts, [0, 0, 1, 1]));

        Assert.Contains("counts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OneSamplePerGroup_ThrowsForWantOfReplicates()
    {
        var error = Assert.Throws<ArgumentException>(() => DESeq2Pipeline.Run([[1, 5], [10, 12]], [0, 1]));

        Assert.Contains("replicates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EveryGeneWithAZero_ThrowsAsDESeq2Does()
    {
        var error = Assert.Throws<ArgumentException>(() => DESeq2Pipeline.Run([[0, 5, 3, 8], [10, 0, 4, 9]], [0, 0, 1, 1]));

        Assert.Contains("zero", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Case(string name) =>
        ReferenceFixture.Load("deseq2", "deseq2").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
