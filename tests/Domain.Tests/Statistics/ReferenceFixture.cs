using System.Text.Json;

namespace Fractal.Domain.Tests.Statistics;

/// <summary>Reads the reference fixtures under <c>Fixtures/</c>: null is a missing value (NaN), "Inf" and "-Inf" infinities.</summary>
internal static class ReferenceFixture
{
    public static JsonElement Load(string folder, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String when element.GetString() == "Inf" => double.PositiveInfinity,
        JsonValueKind.String when element.GetString() == "-Inf" => double.NegativeInfinity,
        _ => element.GetDouble(),
    };

    public static double[] Numbers(JsonElement element)
    {
        var values = new double[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            values[i++] = Number(item);
        }

        return values;
    }

    public static double[][] Rows(JsonElement element)
    {
        var rows = new double[element.GetArrayLength()][];
        var i = 0;
        foreach (var row in element.EnumerateArray())
        {
            rows[i++] = Numbers(row);
        }

        return rows;
    }

    public static int[] Integers(JsonElement element)
    {
        var values = Numbers(element);
        var result = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = (int)values[i];
        }

        return result;
    }

    public static string[] Strings(JsonElement element)
    {
        var values = new string[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            values[i++] = item.GetString() ?? string.Empty;
        }

        return values;
    }

    /// <summary>Row-major flattening of <see cref="Rows"/>.</summary>
    public static double[] Flatten(double[][] rows)
    {
        var values = new List<double>();
        foreach (var row in rows)
        {
            values.AddRange(row);
        }

        return [.. values];
    }
}
