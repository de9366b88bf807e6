using System.Runtime.CompilerServices;
using Fractal.Domain.Data;
using Parquet;

namespace Fractal.Etl.Handlers;

/// <summary>Reads a dataset written by <see cref="ParquetDatasetWriter"/> back into <see cref="DatasetTable"/>s.</summary>
public static class ParquetDatasetReader
{
    /// <summary>
    /// Reads the rows from <paramref name="offset"/>, at most <paramref name="limit"/> of them (all when
    /// null), from a readable, seekable stream that is left open.
    /// </summary>
    public static async Task<DatasetTable> ReadAsync(Stream input, long offset = 0, long? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        await using var reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken);
        var dataType = ReadDataType(reader);
        var schema = DatasetParquetSchema.Of(reader.Schema);
        var builder = new DatasetTableBuilder(dataType);
        var skip = offset;
        var remaining = limit ?? long.MaxValue;
        for (var group = 0; group < reader.RowGroupCount && remaining > 0; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = rowGroup.RowCount;
            if (skip >= count)
            {
                skip -= count;
                continue;
            }

            var table = await ReadRowGroupAsync(rowGroup, schema, dataType, cancellationToken);
            var start = (int)skip;
            var take = (int)Math.Min(count - start, remaining);
            skip = 0;
            remaining -= take;
            for (var i = start; i < start + take; i++)
            {
                if (dataType.IsNumeric())
                {
                    builder.Add(table.Ids[i], table.Features[i], table.Numbers[i]);
                }
                else
                {
                    builder.Add(table.Ids[i], table.Features[i], table.Labels[i]);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>Each row group as a table, one at a time, so a big file never sits whole in memory.</summary>
    public static async IAsyncEnumerable<DatasetTable> ReadRowGroupsAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken);
        var dataType = ReadDataType(reader);
        var schema = DatasetParquetSchema.Of(reader.Schema);
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            yield return await ReadRowGroupAsync(rowGroup, schema, dataType, cancellationToken);
        }
    }

    /// <summary>The total row count and data type, from the footer alone.</summary>
    public static async Task<(DataType DataType, long RowCount)> ReadInfoAsync(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken);
        return (ReadDataType(reader), reader.Metadata?.NumRows ?? 0);
    }

    private static async Task<DatasetTable> ReadRowGroupAsync(ParquetRowGroupReader rowGroup, DatasetParquetSchema schema, DataType dataType, CancellationToken cancellationToken)
    {
        var count = (int)rowGroup.RowCount;
        var ids = new string?[count];
        var features = new string?[count];
        await rowGroup.ReadAsync(schema.Id, ids.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.ReadAsync(schema.Feature, features.AsMemory(), cancellationToken: cancellationToken);
        if (dataType.IsNumeric())
        {
            var values = new double?[count];
            await rowGroup.ReadAsync<double>(schema.Value, values.AsMemory(), cancellationToken: cancellationToken);
            return DatasetTable.FromNumbers(dataType, ids!, features!, [.. values.Select(value => value ?? double.NaN)]);
        }

        var labels = new string?[count];
        await rowGroup.ReadAsync(schema.Value, labels.AsMemory(), cancellationToken: cancellationToken);
        return DatasetTable.FromLabels(ids!, features!, labels);
    }

    private static DataType ReadDataType(ParquetReader reader) =>
        reader.CustomMetadata.TryGetValue(DatasetParquetSchema.DataTypeKey, out var name) && DataTypeNames.TryParse(name, out var type)
            ? type
            : throw new InvalidDataException("The file is not a Fractal dataset: it names no data type.");
}
