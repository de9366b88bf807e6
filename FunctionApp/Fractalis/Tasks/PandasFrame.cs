using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>
/// A table with named columns, written as Fractalis writes its pandas data frames: <see cref="ToRecords"/> as
/// <c>to_json(orient='records')</c> (a JSON string of row objects) and <see cref="ToColumns"/> as
/// <c>to_dict(orient='list')</c> (an object of column lists).
/// </summary>
internal sealed class PandasFrame
{
    private readonly string[] _columns;
    private readonly List<JsonNode?[]> _rows = [];

    public PandasFrame(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
    }

    /// <summary>Adds a row: one value per column, in column order.</summary>
    public void Add(params JsonNode?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"A row has {values.Length} values for {_columns.Length} columns.", nameof(values));
        }

        _rows.Add(values);
    }

    /// <summary>The rows as a JSON string of objects, one per row.</summary>
    public string ToRecords()
    {
        var records = new JsonArray();
        foreach (var row in _rows)
        {
            var record = new JsonObject();
            for (var c = 0; c < _columns.Length; c++)
            {
                record[_columns[c]] = row[c]?.DeepClone();
            }

            records.Add(record);
        }

        return records.ToJsonString();
    }

    /// <summary>The columns as an object of lists.</summary>
    public JsonObject ToColumns()
    {
        var columns = new JsonObject();
        for (var c = 0; c < _columns.Length; c++)
        {
            columns[_columns[c]] = new JsonArray([.. _rows.Select(row => row[c]?.DeepClone())]);
        }

        return columns;
    }
}
