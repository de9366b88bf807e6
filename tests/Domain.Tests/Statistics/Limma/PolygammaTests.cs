using Fractal.Domain.Statistics.Limma;

namespace Fractal.Domain.Tests.Statistics.Limma;

public sealed class PolygammaTests
{
    // psi'(1) = pi^2 / 6 and psi''(1) = -2 zeta(3), Apery's constant zeta(3) = 1.2020569031595942.
    private const double AperyConstant = 1.2020569031595942;

    [Fact]
    public void Trigamma_One_IsPiSquaredOverSix()
    {
        Assert.Equal(Math.PI * Math.PI / 6, Polygamma.Trigamma(1), 14);
    }

    [Fact]
    public void Tetragamma_One_IsMinusTwiceZetaThree()
    {
        Assert.Equal(-2 * AperyConstant, Polygamma.Tetragamma(1), 13);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.5)]
    [InlineData(17.0)]
    public void Trigamma_Recurrence_Holds(double x)
    {
        Assert.Equal(Polygamma.Trigamma(x + 1) + (1 / (x * x)), Polygamma.Trigamma(x), 12);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.7)]
    [InlineData(3.0)]
    [InlineData(500.0)]
    public void TrigammaInverse_OfTrigamma_ReturnsTheArgument(double y)
    {
        var x = Polygamma.Trigamma(y);

        Assert.Equal(y, VariancePrior.TrigammaInverse(x), y * 1e-7);
    }
}
