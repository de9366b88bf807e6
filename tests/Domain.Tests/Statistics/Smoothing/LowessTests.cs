using System.Text.Json;

using Fractal.Domain.Statistics.Smoothing;

namespace Fractal.Domain.Tests.Statistics.Smoothing;

public sealed class LowessTests
{
    [Theory]
    [InlineData("smooth_unsorted")]
    [InlineData("ties_in_x")]
    [InlineData("outliers")]
    [InlineData("n1")]
    [InlineData("n2")]
    [InlineData("n3")]
    [InlineData("n5")]
    [InlineData("numrej_f_one_fifth")]
    [InlineData("span_just_below_integer")]
    [InlineData("no_robustness")]
    [InlineData("delta_zero")]
    [InlineData("delta_wide")]
    [InlineData("constant_y")]
    [InlineData("linear_y")]
    [InlineData("all_x_equal")]
    [InlineData("f_above_one")]
    public void Fit_ReferenceCase_MatchesRLowess(string name)
    {
        var fixture = Case(name);

        var fit = Run(fixture);

        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("fitted_x")), fit.X, Tolerance.Values, name + " x");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("fitted_y")), fit.Y, Tolerance.Values, name + " y");
    }

    [Fact]
    public void Fit_UnsortedX_ReturnsXSortedAscending()
    {
        var fit = Lowess.Fit([2, 1, 1, 3], [10, 20, 30, 40]);

        Assert.Equal([1, 1, 2, 3], fit.X);
    }

    [Fact]
    public void Fit_TiedX_GetOneFittedValue()
    {
        var fit = Lowess.Fit([2, 1, 1, 3], [10, 20, 30, 40], f: 0.5, iterations: 0, delta: 0);

        Assert.Equal(fit.Y[0], fit.Y[1]);
    }

    [Fact]
    public void Smooth_AnyInput_ReturnsTheFittedYOfFit()
    {
        double[] x = [5, 1, 4, 2, 3];
        double[] y = [2, 8, 1, 9, 3];

        Assert.Equal(Lowess.Fit(x, y).Y, Lowess.Smooth(x, y));
    }

    [Fact]
    public void Smooth_StraightLine_IsReproduced()
    {
        var x = Enumerable.Range(0, 30).Select(i => (double)i).ToArray();
        var y = x.Select(v => (2 * v) - 7).ToArray();

        var fitted = Lowess.Smooth(x, y);

        Tolerance.AssertAllClose(y, fitted, Tolerance.Values, "line", absolute: 1e-10);
    }

    [Fact]
    public void Smooth_SinglePoint_ReturnsItsY()
    {
        Assert.Equal([7.0], Lowess.Smooth([3.0], [7.0]));
    }

    [Fact]
    public void Smooth_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => Lowess.Smooth([1.0, 2.0], [1.0]));
    }

    [Fact]
    public void Smooth_NoPoints_Throws()
    {
        Assert.Throws<ArgumentException>(() => Lowess.Smooth([], []));
    }

    [Fact]
    public void Smooth_MissingValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => Lowess.Smooth([1.0, double.NaN, 3.0], [1.0, 2.0, 3.0]));
    }

    [Fact]
    public void Smooth_NonPositiveSpan_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Lowess.Smooth([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], f: 0));
    }

    [Fact]
    public void Smooth_NegativeIterations_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Lowess.Smooth([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], iterations: -1));
    }

    [Fact]
    public void Smooth_NegativeDelta_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Lowess.Smooth([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], delta: -0.1));
    }

    private static LowessFit Run(JsonElement fixture)
    {
        var delta = fixture.GetProperty("delta");
        return Lowess.Fit(
            ReferenceFixture.Numbers(fixture.GetProperty("x")),
            ReferenceFixture.Numbers(fixture.GetProperty("y")),
            fixture.GetProperty("f").GetDouble(),
            fixture.GetProperty("iter").GetInt32(),
            delta.ValueKind == JsonValueKind.Null ? null : delta.GetDouble());
    }

    private static JsonElement Case(string name) =>
        ReferenceFixture.Load("deseq2", "lowess").GetProperty("cases").EnumerateArray()
            .Single(item => item.GetProperty("name").GetString() == name);
}
