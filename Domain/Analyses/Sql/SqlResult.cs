using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Sql;

/// <summary>
/// The output of <c>sql</c>: the columns and the rows, each row one value per column. A value is
/// null, a bool, a number (long, ulong, decimal or double), a string, a date, time or timestamp
/// (written as ISO 8601), a list or a string-keyed dictionary of values.
/// </summary>
public sealed record SqlResult
{
    [JsonPropertyName("columns")]
    public required IReadOnlyList<SqlColumn> Columns { get; init; }

    [JsonPropertyName("rows")]
    public required IReadOnlyList<IReadOnlyList<object?>> Rows { get; init; }

    [JsonPropertyName("row_count")]
    public int RowCount => Rows.Count;
}
