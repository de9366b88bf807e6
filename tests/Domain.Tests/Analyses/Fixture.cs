using System.Text.Json;
using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Analyses;

/// <summary>Reads the reference fixtures that tests/reference/*.py and *.R write (NaN as null).</summary>
internal static class Fixture
{
    public static JsonElement Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    public static double Number(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? double.NaN : element.GetDouble();

    public static double Number(this JsonElement element, string property) => element.GetProperty(property).Number();

    public static double[] Numbers(this JsonElement element) => [.. element.EnumerateArray().Select(Number)];

    public static double[] Numbers(this JsonElement element, string property) => element.GetProperty(property).Numbers();

    public static string[] Strings(this JsonElement element) => [.. element.EnumerateArray().Select(item => item.GetString()!)];

    public static string[] Strings(this JsonElement element, string property) => element.GetProperty(property).Strings();

    public static string[][] StringLists(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(Strings)];

    /// <summary>A one-feature numerical table from <c>{ids, feature, values}</c>.</summary>
    public static DatasetTable NumericalTable(this JsonElement element)
    {
        var ids = element.Strings("ids");
        var feature = element.GetProperty("feature").GetString()!;
        return DatasetTable.FromNumbers(DataType.Numerical, ids, [.. ids.Select(_ => feature)], element.Numbers("values"));
    }

    /// <summary>A categorical table from <c>{ids, feature, labels}</c>.</summary>
    public static DatasetTable CategoricalTable(this JsonElement element)
    {
        var ids = element.Strings("ids");
        var feature = element.GetProperty("feature").GetString()!;
        var labels = element.GetProperty("labels").EnumerateArray().Select(label => label.GetString()).ToArray();
        return DatasetTable.FromLabels(ids, [.. ids.Select(_ => feature)], labels);
    }

    public static IEnumerable<object[]> CaseNames(string file, string property) =>
        Load(file).GetProperty(property).EnumerateArray().Select(item => new object[] { item.GetProperty("name").GetString()! });

    public static JsonElement Case(string file, string property, string name) =>
        Load(file).GetProperty(property).EnumerateArray().Single(item => item.GetProperty("name").GetString() == name);
}
