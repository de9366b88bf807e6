using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// A matrix given inline as <c>{"row": {"column": value}}</c> (numbers, or null for missing), read as a
/// <c>numerical_array</c> table whose features are the rows and whose ids are the columns, so that
/// <c>compute-cluster</c> can take a heatmap's z-scores as Fractal.js sends them.
/// </summary>
/// <remarks>
/// An argument is inline when it is a JSON object whose every member is an object; a string or a dataset
/// reference object (<c>{"id": …}</c>) is not. Rows may lack columns that other rows have: those cells are missing.
/// </remarks>
public static class InlineMatrix
{
    /// <summary>The inline matrix in argument <paramref name="name"/>, or null when the argument is not an inline matrix.</summary>
    /// <exception cref="AnalysisArgumentException">The matrix holds a value that is neither a number nor null.</exception>
    public static DatasetTable? TryRead(AnalysisArgs args, string name)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var document = JsonDocument.Parse(args.ToJson());
        return document.RootElement.TryGetProperty(name, out var value) && IsInline(value) ? Read(value, name) : null;
    }

    /// <summary>Whether <paramref name="value"/> is an object of row objects.</summary>
    public static bool IsInline(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(row => row.Value.ValueKind == JsonValueKind.Object);

    /// <summary>Reads an object of row objects into a <c>numerical_array</c> table (features = rows, ids = columns).</summary>
    /// <exception cref="AnalysisArgumentException">A value that is neither a number nor null, or no value at all.</exception>
    public static DatasetTable Read(JsonElement value, string name)
    {
        if (!IsInline(value))
        {
            throw new AnalysisArgumentException(name, $"{name} must be an object of rows, each an object of column values.");
        }

        var ids = new List<string>();
        var features = new List<string>();
        var numbers = new List<double>();
        foreach (var row in value.EnumerateObject())
        {
            foreach (var cell in row.Value.EnumerateObject())
            {
                features.Add(row.Name);
                ids.Add(cell.Name);
                numbers.Add(Number(cell.Value, $"{name}.{row.Name}.{cell.Name}"));
            }
        }

        if (numbers.Count == 0)
        {
            throw new AnalysisArgumentException(name, $"{name} holds no values.");
        }

        return DatasetTable.FromNumbers(DataType.NumericalArray, [.. ids], [.. features], [.. numbers]);
    }

    private static double Number(JsonElement cell, string argument) => cell.ValueKind switch
    {
        JsonValueKind.Number => cell.GetDouble(),
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String when cell.GetString() == "NaN" => double.NaN,
        _ => throw new AnalysisArgumentException(argument, $"{argument} must be a number or null; it is {cell.ValueKind}."),
    };
}
