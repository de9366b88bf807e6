using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Tests.Analytics.Sql;

/// <summary>Seeded random datasets in long form for the SQL tests: ids S0001…, one feature, some values missing.</summary>
internal static class SqlTestTables
{
    public static DatasetTable Numbers(int count, int seed, double missingShare = 0.1, double scale = 100)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => random.NextDouble() < missingShare ? double.NaN : Math.Round(random.NextDouble() * scale, 3)).ToArray();
        return DatasetTable.FromNumbers(DataType.Numerical, Ids(count), Feature("value_of", count), values);
    }

    public static DatasetTable Labels(int count, int seed, string[] labels, double missingShare = 0.1)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => random.NextDouble() < missingShare ? null : labels[random.Next(labels.Length)]).ToArray();
        return DatasetTable.FromLabels(Ids(count), Feature("label_of", count), values);
    }

    public static DatasetTable EpochSeconds(int count, int seed, DateTime start, TimeSpan span)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => Math.Floor((start - DateTime.UnixEpoch).TotalSeconds + (random.NextDouble() * span.TotalSeconds))).ToArray();
        return DatasetTable.FromNumbers(DataType.Numerical, Ids(count), Feature("time", count), values);
    }

    private static string[] Ids(int count) => [.. Enumerable.Range(1, count).Select(i => $"S{i:0000}")];

    private static string[] Feature(string name, int count) => [.. Enumerable.Repeat(name, count)];
}
