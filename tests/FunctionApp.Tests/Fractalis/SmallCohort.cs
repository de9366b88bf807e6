using System.Globalization;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>Twelve subjects with made-up, reproducible values: the tables the mapping tests run the Domain on.</summary>
internal static class SmallCohort
{
    public const int Size = 12;

    public static string[] Ids { get; } = [.. Enumerable.Range(1, Size).Select(i => $"S{i:00}")];

    /// <summary>The first and the second half of <see cref="Ids"/>.</summary>
    public static string[][] Halves { get; } = [Ids[..(Size / 2)], Ids[(Size / 2)..]];

    /// <summary>The first, second and last third of <see cref="Ids"/>.</summary>
    public static string[][] Thirds { get; } = [Ids[..(Size / 3)], Ids[(Size / 3)..(2 * Size / 3)], Ids[(2 * Size / 3)..]];

    public static DatasetTable Numerical(string feature, Func<int, double> value) =>
        DatasetTable.FromNumbers(DataType.Numerical, Ids, [.. Ids.Select(_ => feature)], [.. Enumerable.Range(0, Size).Select(value)]);

    public static DatasetTable Categorical(string feature, Func<int, string?> value) =>
        DatasetTable.FromLabels(Ids, [.. Ids.Select(_ => feature)], [.. Enumerable.Range(0, Size).Select(value)]);

    /// <summary>A numerical array of <paramref name="features"/> features g1, g2, …; <paramref name="value"/> takes (feature, subject).</summary>
    public static DatasetTable Array(int features, Func<int, int, double> value)
    {
        var cells = Enumerable.Range(0, features).SelectMany(f => Enumerable.Range(0, Size).Select(s => (f, s))).ToList();
        return DatasetTable.FromNumbers(
            DataType.NumericalArray,
            [.. cells.Select(cell => Ids[cell.s])],
            [.. cells.Select(cell => "g" + (cell.f + 1).ToString(CultureInfo.InvariantCulture))],
            [.. cells.Select(cell => value(cell.f, cell.s))]);
    }

    /// <summary>A value that varies without a pattern but is the same on every run.</summary>
    public static double Noise(int seed) => Math.Sin((seed * 12.9898) + 78.233) * 0.5;
}
