using Fractal.Domain.Statistics.MultipleTesting;

using Fractal.Domain.Tests.Statistics.Limma;

namespace Fractal.Domain.Tests.Statistics.MultipleTesting;

public sealed class BenjaminiHochbergTests
{
    [Fact]
    public void Adjust_LimmaFixtures_MatchesPAdjust()
    {
        foreach (var name in LimmaFixtures.Names)
        {
            var fixture = ReferenceFixture.Load("limma", name);
            var pValues = ReferenceFixture.Numbers(fixture.GetProperty("P.Value"));

            var adjusted = BenjaminiHochberg.Adjust(pValues);

            Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("adj.P.Val")), adjusted, Tolerance.Values, name);
        }
    }

    [Fact]
    public void Adjust_MissingValues_StayMissingAndDoNotCount()
    {
        double[] pValues = [0.01, double.NaN, 0.04, 0.03];

        var adjusted = BenjaminiHochberg.Adjust(pValues);

        // Three present values: 0.01 * 3/1, then min(0.03 * 3/2, 0.04 * 3/3).
        Assert.Equal(0.03, adjusted[0], 15);
        Assert.True(double.IsNaN(adjusted[1]));
        Assert.Equal(0.04, adjusted[2], 15);
        Assert.Equal(0.04, adjusted[3], 15);
    }

    [Fact]
    public void Adjust_TiedValues_GetOneAdjustedValue()
    {
        double[] pValues = [0.02, 0.02, 0.5];

        var adjusted = BenjaminiHochberg.Adjust(pValues);

        Assert.Equal(adjusted[0], adjusted[1]);
        Assert.Equal(0.03, adjusted[0], 15);
    }

    [Fact]
    public void Adjust_Empty_ReturnsEmpty()
    {
        Assert.Empty(BenjaminiHochberg.Adjust([]));
    }
}
