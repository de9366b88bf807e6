using Fractal.Domain.Statistics.Pca;
using MathNet.Numerics.LinearAlgebra;

namespace Fractal.Domain.Tests.Statistics.Pca;

public sealed class PrincipalComponentsTests
{
    [Theory]
    [InlineData(1_500, 70)]
    [InlineData(40, 400)]
    public void Fit_MatrixOverSeveralPanels_IsTheSvdOfTheCentredData(int rows, int columns)
    {
        var data = Matrix<double>.Build.Random(rows, columns, 11);
        var centred = Centre(data);
        var svd = centred.Svd(computeVectors: true);

        var fit = PrincipalComponents.Fit(data, whiten: false);

        var k = Math.Min(rows, columns);
        Tolerance.AssertAllClose([.. svd.S.Take(k).Select(s => s * s / (rows - 1))], fit.ExplainedVariance, Tolerance.Values, "explained variance");
        for (var component = 0; component < k; component++)
        {
            if (fit.Degenerate[component])
            {
                continue;
            }

            var direction = svd.VT.Row(component);
            var expected = direction[direction.AbsoluteMaximumIndex()] < 0 ? -direction : direction;
            var actual = -fit.Loadings.Column(component) / Math.Sqrt(fit.ExplainedVariance[component]);
            var scores = centred * expected;
            Assert.True((expected - actual).L2Norm() <= 1e-9, $"direction {component}");
            Assert.True((scores - fit.Scores.Column(component)).L2Norm() <= 1e-9 * scores.L2Norm(), $"scores {component}");
        }
    }

    [Fact]
    public void Fit_MoreColumnsThanRows_ReconstructsTheCentredData()
    {
        var data = Matrix<double>.Build.Random(8, 30, 5);
        var centred = Centre(data);

        var fit = PrincipalComponents.Fit(data, whiten: false);

        Assert.Equal(8, fit.ExplainedVariance.Count);
        Assert.True(fit.Degenerate[7]);
        var reconstructed = Matrix<double>.Build.Dense(8, 30);
        for (var component = 0; component < 7; component++)
        {
            var direction = -fit.Loadings.Column(component) / Math.Sqrt(fit.ExplainedVariance[component]);
            Assert.Equal(1, direction.L2Norm(), 12);
            reconstructed += fit.Scores.Column(component).OuterProduct(direction);
        }

        Assert.True((centred - reconstructed).FrobeniusNorm() <= 1e-12 * centred.FrobeniusNorm());
    }

    private static Matrix<double> Centre(Matrix<double> data)
    {
        var means = data.ColumnSums() / data.RowCount;
        return data - Matrix<double>.Build.Dense(data.RowCount, data.ColumnCount, (_, column) => means[column]);
    }
}
