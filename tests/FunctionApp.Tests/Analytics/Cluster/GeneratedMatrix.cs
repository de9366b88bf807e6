using System.Globalization;

namespace Fractal.FunctionApp.Tests.Analytics.Cluster;

/// <summary>
/// A matrix of features (rows <c>f0000</c>…) by samples (columns <c>s00</c>…) in four shifted groups of rows, the same for
/// the same seed: big enough, at a few thousand rows, that clustering it takes seconds.
/// </summary>
internal sealed class GeneratedMatrix
{
    private readonly double[][] _values;

    public GeneratedMatrix(int seed, int rowCount, int columnCount)
    {
        var random = new Random(seed);
        _values = [.. Enumerable.Range(0, rowCount).Select(r => Enumerable.Range(0, columnCount).Select(_ => Math.Round((r % 4 * 2.0) + random.NextDouble(), 6)).ToArray())];
    }

    /// <summary>The native <c>data</c> shape: <c>{feature: {sample: value}}</c>.</summary>
    public Dictionary<string, Dictionary<string, double>> ByRow() =>
        Enumerable.Range(0, _values.Length).ToDictionary(
            Row, r => Enumerable.Range(0, _values[r].Length).ToDictionary(Column, c => _values[r][c], StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Fractal.js' <c>df</c> shape: <c>{sample: {feature: value}}</c>.</summary>
    public Dictionary<string, Dictionary<string, double>> ByColumn() =>
        Enumerable.Range(0, _values[0].Length).ToDictionary(
            Column, c => Enumerable.Range(0, _values.Length).ToDictionary(Row, r => _values[r][c], StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Row(int r) => string.Create(CultureInfo.InvariantCulture, $"f{r:0000}");

    private static string Column(int c) => string.Create(CultureInfo.InvariantCulture, $"s{c:00}");
}
