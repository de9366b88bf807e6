using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Tests.Statistics;

namespace Fractal.Domain.Tests.Analyses.Volcano;

public sealed class WelchTTestTests
{
    [Fact]
    public void Compute_ReferenceCase_MatchesScipyTtestInd()
    {
        var fixture = ReferenceFixture.Load("limma", "welch");

        var table = WelchTTest.Compute(ReferenceFixture.Rows(fixture.GetProperty("rows")), ReferenceFixture.Integers(fixture.GetProperty("groups")));

        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("logFC")), table.LogFC, Tolerance.Values, "logFC");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("t")), table.T, Tolerance.Statistics, "t", 1e-12);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("P.Value")), table.PValue, Tolerance.Statistics, "P.Value", 1e-15);
    }

    [Fact]
    public void Compute_OneValueInAGroup_GivesNaNWithReason()
    {
        var table = WelchTTest.Compute([[1.0, double.NaN, 2.0, 3.0]], [0, 0, 1, 1]);

        Assert.True(double.IsNaN(table.T[0]));
        Assert.True(double.IsNaN(table.PValue[0]));
        Assert.Equal("fewer than 2 values in s1", table.Problems[0]);
        Assert.Equal(1.5, table.LogFC[0]);
    }

    [Fact]
    public void Compute_ConstantGroups_GivesNaNWithReason()
    {
        var table = WelchTTest.Compute([[4.0, 4.0, 6.0, 6.0]], [0, 0, 1, 1]);

        Assert.True(double.IsNaN(table.T[0]));
        Assert.Equal("constant within both groups", table.Problems[0]);
    }
}
