using System.Globalization;
using System.Text.Json;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Json;

/// <summary>
/// Types JSON records (objects) for one descriptor, whose fields are JSON paths. Records are sparse, so
/// a field missing from one record is a missing value; a field missing from every record is an unknown
/// column, reported by <see cref="Finish"/>. A field prefix is matched against the first record's keys.
/// </summary>
internal sealed class JsonRecordShaper
{
    private readonly Descriptor _descriptor;
    private readonly JsonPath _id;
    private readonly int _batchRows;
    private DescriptorShape? _shape;
    private JsonPath[] _paths = [];
    private bool[] _seen = [];
    private SourceValue[] _values = [];
    private DatasetBatcher? _batcher;
    private long _row;

    public JsonRecordShaper(Descriptor descriptor, string idPath, int batchRows)
    {
        _descriptor = descriptor;
        _id = JsonPath.Parse(idPath);
        _batchRows = batchRows;
    }

    public bool IsFull => _batcher?.IsFull == true;

    /// <summary>Adds one record; <paramref name="id"/> overrides the id path (elasticsearch's <c>_id</c>).</summary>
    public void Add(JsonElement record, string? id = null)
    {
        _row++;
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new EtlDataException(string.Create(CultureInfo.InvariantCulture, $"record {_row} is not a JSON object"));
        }

        if (_batcher is null)
        {
            Start(record);
        }

        for (var i = 0; i < _paths.Length; i++)
        {
            var value = _paths[i].Evaluate(record);
            _seen[i] |= value is not null;
            _values[i] = JsonValues.ToSourceValue(value);
        }

        _batcher!.Add(id ?? JsonValues.ToId(_id.Evaluate(record)), _values, _row);
    }

    public DatasetTable TakeBatch() => _batcher!.TakeBatch();

    /// <summary>The last batch, if any rows are left; fails if a field was never seen.</summary>
    public DatasetTable? Finish()
    {
        if (_batcher is null)
        {
            return null;
        }

        for (var i = 0; i < _paths.Length; i++)
        {
            if (!_seen[i])
            {
                throw new EtlDataException($"unknown column '{_shape!.SourceFields[i]}'", _shape.SourceFields[i]);
            }
        }

        return _batcher.IsEmpty ? null : _batcher.TakeBatch();
    }

    private void Start(JsonElement first)
    {
        var keys = first.EnumerateObject().Select(property => property.Name).ToArray();
        _shape = DescriptorShape.Resolve(_descriptor, _descriptor.FieldPrefix is not null && _descriptor.Fields is not { Count: > 0 } ? keys : null);
        _paths = [.. _shape.SourceFields.Select(JsonPath.Parse)];
        _seen = new bool[_paths.Length];
        _values = new SourceValue[_paths.Length];
        _batcher = new DatasetBatcher(_shape, _batchRows);
    }
}
