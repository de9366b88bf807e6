namespace Fractal.Domain.Statistics;

/// <summary>Operations on a matrix held as an array of rows.</summary>
internal static class JaggedMatrix
{
    /// <summary>The columns of <paramref name="rows"/> as rows: <c>result[c][r] = rows[r][c]</c> for the first <paramref name="columnCount"/> columns.</summary>
    public static double[][] Transpose(double[][] rows, int columnCount)
    {
        var columns = new double[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            columns[c] = new double[rows.Length];
            for (var r = 0; r < rows.Length; r++)
            {
                columns[c][r] = rows[r][c];
            }
        }

        return columns;
    }
}
