using System.Globalization;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>
/// Types source records into long-form rows for one <see cref="DescriptorShape"/> and hands them out
/// in batches. A numeric column whose text is not a number fails the dataset, naming column and row.
/// </summary>
internal sealed class DatasetBatcher
{
    private const int MaxQuotedLength = 40;

    private readonly DescriptorShape _shape;
    private readonly int _batchRows;
    private DatasetTableBuilder _builder;

    public DatasetBatcher(DescriptorShape shape, int batchRows)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        _shape = shape;
        _batchRows = batchRows;
        _builder = new DatasetTableBuilder(shape.DataType);
    }

    public bool IsFull => _builder.RowCount >= _batchRows;

    public bool IsEmpty => _builder.RowCount == 0;

    /// <summary>Adds one record: its id and its values, aligned with <see cref="DescriptorShape.SourceFields"/>.</summary>
    /// <remarks>The record's 1-based number in the source, for error messages.</remarks>
    public void Add(string? id, ReadOnlySpan<SourceValue> values, long rowNumber)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new EtlDataException(string.Create(CultureInfo.InvariantCulture, $"row {rowNumber} has no id"));
        }

        var fields = _shape.SourceFields;
        var features = _shape.Features;
        for (var i = 0; i < fields.Count; i++)
        {
            var value = values[i];
            switch (_shape.DataType)
            {
                case DataType.Categorical:
                    _builder.Add(id, features[i], ToLabel(value));
                    break;
                case DataType.TimeToEvent when i == 1:
                    _builder.Add(id, features[i], ToEvent(value, fields[i], rowNumber));
                    break;
                default:
                    _builder.Add(id, features[i], ToNumber(value, fields[i], rowNumber));
                    break;
            }
        }
    }

    /// <summary>The rows added since the last call, as a table; the batcher starts a new one.</summary>
    public DatasetTable TakeBatch()
    {
        var table = _builder.Build();
        _builder = new DatasetTableBuilder(_shape.DataType);
        return table;
    }

    internal static double ToNumber(SourceValue value, string column, long rowNumber) => value.Kind switch
    {
        SourceValueKind.Number => value.Number,
        SourceValueKind.Text when MissingValues.IsMissing(value.Text) => double.NaN,
        SourceValueKind.Text when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        SourceValueKind.Text => throw NotANumber(value.Text!, column, rowNumber),
        _ => double.NaN,
    };

    private static double ToEvent(SourceValue value, string column, long rowNumber)
    {
        if (value.Kind == SourceValueKind.Text)
        {
            var text = value.Text.AsSpan().Trim();
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return 1;
            }

            if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }
        }

        var number = ToNumber(value, column, rowNumber);
        return number is 0 or 1 || double.IsNaN(number)
            ? number
            : throw new EtlDataException(
                string.Create(CultureInfo.InvariantCulture, $"column '{column}' row {rowNumber}: an event flag must be 0 or 1, not {number}"),
                column);
    }

    private static string? ToLabel(SourceValue value) => value.Kind switch
    {
        SourceValueKind.Text when MissingValues.IsMissing(value.Text) => null,
        SourceValueKind.Text => value.Text,
        SourceValueKind.Number when double.IsNaN(value.Number) => null,
        SourceValueKind.Number => value.Number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static EtlDataException NotANumber(string text, string column, long rowNumber)
    {
        var quoted = text.Length > MaxQuotedLength ? string.Concat(text.AsSpan(0, MaxQuotedLength), "...") : text;
        return new EtlDataException(
            string.Create(CultureInfo.InvariantCulture, $"column '{column}' row {rowNumber}: '{quoted}' is not a number"),
            column);
    }
}
