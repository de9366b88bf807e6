using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Analyses.Heatmap;

/// <summary>Builds numerical_array datasets from feature × sample rows: features <c>f0</c>…, ids <c>p0</c>….</summary>
internal static class ArrayTables
{
    public static DatasetTable FromRows(double[][] rows)
    {
        var builder = new DatasetTableBuilder(DataType.NumericalArray);
        for (var c = 0; c < rows[0].Length; c++)
        {
            for (var f = 0; f < rows.Length; f++)
            {
                builder.Add(Id(c), Feature(f), rows[f][c]);
            }
        }

        return builder.Build();
    }

    public static string Id(int column) => $"p{column}";

    public static string Feature(int row) => $"f{row}";

    /// <summary>The ids of each group, from the group index of each column.</summary>
    public static string[][] Subsets(int[] groups)
    {
        var count = groups.Max() + 1;
        return [.. Enumerable.Range(0, count).Select(g => Enumerable.Range(0, groups.Length).Where(c => groups[c] == g).Select(Id).ToArray())];
    }
}
