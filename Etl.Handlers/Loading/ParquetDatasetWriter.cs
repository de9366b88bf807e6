using System.Globalization;
using Fractal.Domain.Data;
using Parquet;

namespace Fractal.Etl.Handlers;

/// <summary>
/// Writes long-form batches to a Parquet stream, one row group per batch, enforcing the dataset limits.
/// When a limit is passed it throws <see cref="DatasetLimitExceededException"/>: the caller then deletes
/// the blob it was writing, so nothing partial is left.
/// </summary>
public sealed class ParquetDatasetWriter : IAsyncDisposable
{
    private readonly DataType _dataType;
    private readonly DatasetParquetSchema _schema;
    private readonly long _maxRows;
    private readonly long _maxBytes;
    private readonly CountingStream _output;
    private readonly ParquetWriter _writer;
    private readonly FeatureSet _features = new();
    private bool _completed;

    private ParquetDatasetWriter(DataType dataType, DatasetParquetSchema schema, long maxRows, long maxBytes, CountingStream output, ParquetWriter writer)
    {
        _dataType = dataType;
        _schema = schema;
        _maxRows = maxRows;
        _maxBytes = maxBytes;
        _output = output;
        _writer = writer;
    }

    public long RowCount { get; private set; }

    /// <summary>Starts a dataset file of <paramref name="dataType"/> on <paramref name="output"/> (left open).</summary>
    public static async Task<ParquetDatasetWriter> CreateAsync(Stream output, DataType dataType, EtlSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        var counting = new CountingStream(output);
        var schema = DatasetParquetSchema.For(dataType);
        var writer = await ParquetWriter.CreateAsync(schema.Schema, counting, cancellationToken: cancellationToken);
        writer.CustomMetadata = new Dictionary<string, string> { [DatasetParquetSchema.DataTypeKey] = dataType.ToName() };
        return new ParquetDatasetWriter(dataType, schema, settings.MaxRows, settings.MaxBytes, counting, writer);
    }

    /// <summary>Appends <paramref name="batch"/> as one row group.</summary>
    public async Task WriteAsync(DatasetTable batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (batch.DataType != _dataType)
        {
            throw new ArgumentException($"A {batch.DataType.ToName()} batch cannot go into a {_dataType.ToName()} dataset.", nameof(batch));
        }

        if (batch.RowCount == 0)
        {
            return;
        }

        if (RowCount + batch.RowCount > _maxRows)
        {
            throw new DatasetLimitExceededException(
                string.Create(CultureInfo.InvariantCulture, $"the dataset has more than the {_maxRows} rows allowed"));
        }

        using (var rowGroup = _writer.CreateRowGroup())
        {
            await rowGroup.WriteAsync(_schema.Id, (IReadOnlyCollection<string>)batch.Ids);
            await rowGroup.WriteAsync(_schema.Feature, (IReadOnlyCollection<string>)batch.Features);
            if (_dataType.IsNumeric())
            {
                await rowGroup.WriteAsync<double>(_schema.Value, ToNullable(batch.Numbers), cancellationToken: cancellationToken);
            }
            else
            {
                await rowGroup.WriteAsync(_schema.Value, (IReadOnlyCollection<string>)batch.Labels!);
            }

            rowGroup.CompleteValidate();
        }

        RowCount += batch.RowCount;
        _features.AddAll(batch.Features);
        CheckBytes();
    }

    /// <summary>Writes the footer and returns what was written; the output stream stays open.</summary>
    public async Task<DatasetPartSummary> CompleteAsync()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        await _writer.DisposeAsync();
        await _output.FlushAsync();
        CheckBytes();
        return new DatasetPartSummary(RowCount, _output.BytesWritten, _features.ToList());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            await _writer.DisposeAsync();
        }
    }

    private void CheckBytes()
    {
        if (_output.BytesWritten > _maxBytes)
        {
            throw new DatasetLimitExceededException(
                string.Create(CultureInfo.InvariantCulture, $"the dataset takes more than the {_maxBytes} bytes allowed"));
        }
    }

    private static double?[] ToNullable(IReadOnlyList<double> numbers)
    {
        var values = new double?[numbers.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var number = numbers[i];
            values[i] = double.IsNaN(number) ? null : number;
        }

        return values;
    }
}
