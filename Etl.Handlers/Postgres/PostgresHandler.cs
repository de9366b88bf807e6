using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using Fractal.Domain.Data;
using Npgsql;

namespace Fractal.Etl.Handlers.Postgres;

/// <summary>
/// <c>postgres</c>: a read-only SELECT (<c>options.query</c>) or a table (<c>options.table</c>) whose
/// columns the descriptor names, from the connection string in the setting named by
/// <c>options.connection</c> (default <c>PostgresConnection</c>; the request never carries it), in a
/// READ ONLY transaction, streamed. <c>options.partition_column</c> (numeric) splits big sources into
/// <c>options.partitions</c> key ranges (default 4) planned from its min and max.
/// </summary>
public sealed class PostgresHandler : IEtlHandler
{
    public const string HandlerName = "postgres";

    public string Name => HandlerName;

    public string Description => "One SELECT (options.query) or options.table over the connection string named by options.connection; key ranges of options.partition_column.";

    public IReadOnlyList<FieldError> Validate(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        PostgresOptions.Validate(request, errors);
        return errors;
    }

    public PartitionRequest? RequestedPartitions(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(PostgresOptions.PartitionsOption, new PostgresOptions(new EtlOptions(request.Options)).Partitions);
    }

    public async Task<IReadOnlyList<EtlPartition>> PlanAsync(EtlSource source, Descriptor descriptor, EtlExtractContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(context);
        var options = new PostgresOptions(source.OptionValues);
        await using var session = await PostgresSession.OpenAsync(context.ReadSetting, options.Connection, cancellationToken);
        try
        {
            var columns = await ReadColumnsAsync(session, options, cancellationToken);
            DescriptorShape.Resolve(descriptor, columns);
            foreach (var required in new[] { options.IdColumn, options.PartitionColumn })
            {
                if (required is not null && !columns.Contains(required))
                {
                    throw new EtlDataException($"unknown column '{required}'", required);
                }
            }

            if (options.PartitionColumn is null)
            {
                return [new EtlPartition(source, descriptor, 0, 1)];
            }

            var column = PostgresOptions.Quote(options.PartitionColumn);
            await using var bounds = session.Command($"SELECT floor(min({column}))::bigint, ceil(max({column}))::bigint FROM {options.Source}");
            await using var reader = await bounds.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.IsDBNull(0))
            {
                return [new EtlPartition(source, descriptor, 0, 1)];
            }

            var ranges = KeyRanges.Split(reader.GetInt64(0), reader.GetInt64(1), options.Partitions);
            return [.. ranges.Select((range, index) => new EtlPartition(source, descriptor, index, ranges.Count, range))];
        }
        catch (Exception exception) when (PostgresErrors.Map(exception) is { } mapped)
        {
            throw mapped;
        }
    }

    public async IAsyncEnumerable<DatasetTable> ExtractAsync(EtlPartition partition, EtlExtractContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(context);
        var options = new PostgresOptions(partition.Source.OptionValues);
        await using var session = await PostgresSession.OpenAsync(context.ReadSetting, options.Connection, cancellationToken);
        var shape = DescriptorShape.Resolve(partition.Descriptor, null);
        await using var command = BuildSelect(session, options, shape, partition.Range);
        await using var reader = await RunAsync(() => command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken));
        var batcher = new DatasetBatcher(shape, context.Settings.BatchRows);
        var values = new SourceValue[shape.SourceFields.Count];
        long row = 0;
        while (await RunAsync(() => reader.ReadAsync(cancellationToken)))
        {
            row++;
            var id = reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = ToSourceValue(reader.GetValue(i + 1));
            }

            batcher.Add(id, values, row);
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

    private static async Task<HashSet<string>> ReadColumnsAsync(PostgresSession session, PostgresOptions options, CancellationToken cancellationToken)
    {
        await using var command = session.Command($"SELECT * FROM {options.Source} LIMIT 0");
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly, cancellationToken);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    private static NpgsqlCommand BuildSelect(PostgresSession session, PostgresOptions options, DescriptorShape shape, PartitionRange? range)
    {
        var columns = string.Join(", ", new[] { options.IdColumn }.Concat(shape.SourceFields).Select(PostgresOptions.Quote));
        var sql = $"SELECT {columns} FROM {options.Source}";
        if (range is null || options.PartitionColumn is null)
        {
            return session.Command(sql);
        }

        var key = PostgresOptions.Quote(options.PartitionColumn);
        var command = session.Command($"{sql} WHERE {key} >= @lower AND {key} {(range.UpperInclusive ? "<=" : "<")} @upper");
        command.Parameters.AddWithValue("lower", long.Parse(range.Lower, CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("upper", long.Parse(range.Upper, CultureInfo.InvariantCulture));
        return command;
    }

    private static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception exception) when (PostgresErrors.Map(exception) is { } mapped)
        {
            throw mapped;
        }
    }

    private static SourceValue ToSourceValue(object value) => value switch
    {
        DBNull => SourceValue.Missing,
        double number => SourceValue.FromNumber(number),
        float number => SourceValue.FromNumber(number),
        decimal number => SourceValue.FromNumber((double)number),
        long number => SourceValue.FromNumber(number),
        int number => SourceValue.FromNumber(number),
        short number => SourceValue.FromNumber(number),
        bool flag => SourceValue.FromText(flag ? "true" : "false"),
        string text => SourceValue.FromText(text),
        _ => SourceValue.FromText(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
