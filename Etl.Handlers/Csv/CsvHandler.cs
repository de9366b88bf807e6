using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Csv;

/// <summary>
/// <c>csv</c>: CSV or TSV (RFC 4180 quoting) from inline text, an upload or a URL, streamed record by
/// record. Options: <c>delimiter</c> (default <c>,</c>; <c>\t</c> for TSV), <c>header</c> (default true;
/// without one, columns are named <c>0</c>, <c>1</c>, ...) and <c>id_column</c> (default <c>id</c>, or
/// <c>0</c> without a header). Empty, <c>NA</c>, <c>NaN</c> and <c>null</c> are missing values.
/// </summary>
public sealed class CsvHandler : IEtlHandler
{
    public const string HandlerName = "csv";

    public string Name => HandlerName;

    public string Description => "CSV or TSV (RFC 4180) from options.data, an upload or an http(s) URL in server; options: delimiter, header, id_column.";

    public IReadOnlyList<FieldError> Validate(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        TextSource.Validate(request, errors);
        var options = new EtlOptions(request.Options);
        options.CheckString(CsvOptions.DelimiterOption, errors);
        options.CheckBoolean(CsvOptions.HeaderOption, errors);
        options.CheckString(CsvOptions.IdColumnOption, errors);
        if (options.GetString(CsvOptions.DelimiterOption) is { } delimiter && !CsvOptions.IsValidDelimiter(delimiter))
        {
            errors.Add(new FieldError("options.delimiter", "'options.delimiter' must be one ASCII character, such as ',' ';' or '\\t', and not a quote or a line break."));
        }

        return errors;
    }

    public async IAsyncEnumerable<DatasetTable> ExtractAsync(EtlPartition partition, EtlExtractContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(context);
        var options = new CsvOptions(partition.Source.OptionValues);
        await using var stream = await TextSource.OpenAsync(partition, context, cancellationToken);
        using var text = TextSource.CreateStrictReader(stream);
        using var reader = CsvReader.Create(text, options.ToReaderOptions(), leaveOpen: true);

        var pending = false;
        string[] columns;
        if (options.HasHeader)
        {
            await ReadHeaderAsync(reader, cancellationToken);
            columns = [.. reader.Headers.Select(name => name.Trim())];
            if (columns.Length == 0)
            {
                throw new EtlDataException("the file is empty: it has no header");
            }
        }
        else
        {
            if (!await ReadAsync(reader, cancellationToken))
            {
                yield break;
            }

            pending = true;
            columns = [.. Enumerable.Range(0, reader.FieldCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        }

        var shape = DescriptorShape.Resolve(partition.Descriptor, columns);
        var idIndex = IndexOf(columns, options.IdColumn);
        var indexes = shape.SourceFields.Select(field => IndexOf(columns, field)).ToArray();
        var numeric = shape.DataType.IsNumeric();
        var batcher = new DatasetBatcher(shape, context.Settings.BatchRows);
        var values = new SourceValue[indexes.Length];
        long row = 0;
        while (pending || await ReadAsync(reader, cancellationToken))
        {
            pending = false;
            row++;
            var count = reader.FieldCount;
            for (var i = 0; i < indexes.Length; i++)
            {
                var index = indexes[i];
                if (index >= count)
                {
                    throw ShortRow(row, shape.SourceFields[i]);
                }

                values[i] = numeric ? ReadNumber(reader, index) : SourceValue.FromText(reader.GetString(index));
            }

            batcher.Add(idIndex < count ? reader.GetString(idIndex) : throw ShortRow(row, options.IdColumn), values, row);
            if (batcher.IsFull)
            {
                yield return batcher.TakeBatch();
            }
        }

        if (!batcher.IsEmpty)
        {
            yield return batcher.TakeBatch();
        }
    }

    /// <summary>Parses the UTF-8 field in place; only text that is not a number becomes a string (for the error).</summary>
    private static SourceValue ReadNumber(CsvReader reader, int index)
    {
        var span = reader.GetSpan(index);
        if (MissingValues.IsMissing(span))
        {
            return SourceValue.FromNumber(double.NaN);
        }

        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? SourceValue.FromNumber(number)
            : SourceValue.FromText(reader.GetString(index));
    }

    private static int IndexOf(string[] columns, string column)
    {
        var index = Array.IndexOf(columns, column);
        return index >= 0 ? index : throw new EtlDataException($"unknown column '{column}'", column);
    }

    private static EtlDataException ShortRow(long row, string column) =>
        new(string.Create(CultureInfo.InvariantCulture, $"row {row} has no value for column '{column}'"), column);

    private static async Task ReadHeaderAsync(CsvReader reader, CancellationToken cancellationToken)
    {
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
        }
        catch (Exception exception) when (Map(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private static async Task<bool> ReadAsync(CsvReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (Exception exception) when (Map(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private static EtlException? Map(Exception exception, CancellationToken cancellationToken) =>
        TextSource.MapReadFailure(exception, cancellationToken)
        ?? (exception.InnerException is { } inner ? TextSource.MapReadFailure(inner, cancellationToken) : null)
        ?? (exception is CsvFormatException format
            ? new EtlDataException(string.Create(CultureInfo.InvariantCulture, $"record {format.RecordNumber} is not valid CSV (check its quotes)"), null, format)
            : null);
}
