namespace Fractal.Domain.Data;

/// <summary>Collects long-form rows one at a time and builds a <see cref="DatasetTable"/>.</summary>
public sealed class DatasetTableBuilder
{
    private readonly List<string> _ids = [];
    private readonly List<string> _features = [];
    private readonly List<double> _numbers = [];
    private readonly List<string?> _labels = [];

    public DatasetTableBuilder(DataType dataType)
    {
        DataType = dataType;
    }

    public DataType DataType { get; }

    public int RowCount => _ids.Count;

    /// <summary>Adds a numeric row; NaN marks a missing value.</summary>
    public void Add(string id, string feature, double value)
    {
        if (!DataType.IsNumeric())
        {
            throw new InvalidOperationException("A categorical table takes labels, not numbers.");
        }

        _ids.Add(id);
        _features.Add(feature);
        _numbers.Add(value);
    }

    /// <summary>Adds a categorical row; null marks a missing value.</summary>
    public void Add(string id, string feature, string? label)
    {
        if (DataType != DataType.Categorical)
        {
            throw new InvalidOperationException($"A {DataType.ToName()} table takes numbers, not labels.");
        }

        _ids.Add(id);
        _features.Add(feature);
        _labels.Add(label);
    }

    public DatasetTable Build() => DataType.IsNumeric()
        ? DatasetTable.FromNumbers(DataType, [.. _ids], [.. _features], [.. _numbers])
        : DatasetTable.FromLabels([.. _ids], [.. _features], [.. _labels]);
}
