using Fractal.Domain.Data;
using Parquet.Schema;

namespace Fractal.Etl.Handlers;

/// <summary>
/// The Parquet layout of a dataset: <c>id</c> (string), <c>feature</c> (string) and <c>value</c>
/// (nullable double for numeric types, nullable string for categorical; null = missing), with the
/// data type in the file's key-value metadata under <see cref="DataTypeKey"/>.
/// </summary>
public static class DatasetParquetSchema
{
    /// <summary>The key-value metadata key that holds the data type's wire name.</summary>
    public const string DataTypeKey = "fractal.data_type";

    internal static DataField IdField { get; } = new DataField<string>("id", false);

    internal static DataField FeatureField { get; } = new DataField<string>("feature", false);

    internal static DataField NumberField { get; } = new DataField<double?>("value");

    internal static DataField LabelField { get; } = new DataField<string>("value", true);

    internal static ParquetSchema For(DataType dataType) =>
        new(IdField, FeatureField, dataType.IsNumeric() ? NumberField : LabelField);
}
