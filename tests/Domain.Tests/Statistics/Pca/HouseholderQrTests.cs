using Fractal.Domain.Statistics.Pca;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Fractal.Domain.Tests.Statistics.Pca;

public sealed class HouseholderQrTests
{
    [Fact]
    public void Triangle_TallMatrixOverSeveralParallelPanels_MatchesMathNetQrUpToRowSigns()
    {
        var matrix = Matrix<double>.Build.Random(1_500, 70, 20261123);
        var expected = matrix.QR(QRMethod.Thin).R;

        var triangle = Factor(matrix).Triangle();

        var scale = expected.Enumerate().Max(Math.Abs);
        for (var row = 0; row < expected.RowCount; row++)
        {
            var sign = Math.Sign(triangle[row, row]) * Math.Sign(expected[row, row]);
            for (var column = 0; column < expected.ColumnCount; column++)
            {
                Assert.True(
                    Math.Abs((sign * triangle[row, column]) - expected[row, column]) <= 1e-12 * scale,
                    $"R[{row}, {column}]: expected {expected[row, column]:R}, got {sign * triangle[row, column]:R}");
            }
        }
    }

    [Fact]
    public void Triangle_ColumnAlreadyZeroBelowDiagonal_KeepsTheGramMatrix()
    {
        var matrix = Matrix<double>.Build.Random(40, 5, 7);
        matrix.SetColumn(0, Vector<double>.Build.Dense(40));
        matrix.SetColumn(3, matrix.Column(1));

        var triangle = Factor(matrix).Triangle();

        var expected = matrix.TransposeThisAndMultiply(matrix);
        var actual = triangle.TransposeThisAndMultiply(triangle);
        Assert.True((expected - actual).FrobeniusNorm() <= 1e-12 * expected.FrobeniusNorm());
        Assert.True(triangle.StrictlyLowerTriangle().Enumerate().All(value => value == 0));
    }

    [Fact]
    public void MultiplyByQ_TheTriangle_GivesBackTheMatrix()
    {
        var matrix = Matrix<double>.Build.Random(1_500, 70, 3);
        var qr = Factor(matrix);

        var product = qr.MultiplyByQ(qr.Triangle());

        Assert.True((matrix - product).FrobeniusNorm() <= 1e-12 * matrix.FrobeniusNorm());
    }

    [Fact]
    public void MultiplyByQ_Identity_GivesOrthonormalColumns()
    {
        var qr = Factor(Matrix<double>.Build.Random(300, 40, 5));

        var q = qr.MultiplyByQ(Matrix<double>.Build.DenseIdentity(40));

        var gram = q.TransposeThisAndMultiply(q);
        Assert.True((gram - Matrix<double>.Build.DenseIdentity(40)).FrobeniusNorm() <= 1e-12);
    }

    [Fact]
    public void Factor_MoreColumnsThanRows_Throws()
    {
        var matrix = Matrix<double>.Build.Random(3, 4, 1);

        Assert.Throws<ArgumentException>(() => HouseholderQr.Factor(matrix.ToColumnMajorArray(), 3, 4));
    }

    private static HouseholderQr Factor(Matrix<double> matrix) =>
        HouseholderQr.Factor(matrix.ToColumnMajorArray(), matrix.RowCount, matrix.ColumnCount);
}
