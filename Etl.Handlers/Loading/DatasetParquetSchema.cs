using Fractal.Domain.Data;
using Parquet.Schema;

namespace Fractal.Etl.Handlers;

/// <summary>
/// The Parquet layout of a dataset: <c>id</c> (string), <c>feature</c> (string) and <c>value</c>
/// (nullable double for numeric types, nullable string for categorical; null = missing), with the
/// data type in the file's key-value metadata under <see cref="DataTypeKey"/>.
/// </summary>
/// <remarks>
/// Parquet.Net reads and writes a column through the <see cref="DataField"/> instance of the schema that the file was
/// opened or created with, so every writer builds its own schema here and every reader takes the fields from the
/// file's own schema: no field is shared between files, processes or threads.
/// </remarks>
internal sealed class DatasetParquetSchema
{
    private const string IdName = "id";
    private const string FeatureName = "feature";
    private const string ValueName = "value";

    private DatasetParquetSchema(ParquetSchema schema, DataField id, DataField feature, DataField value)
    {
        Schema = schema;
        Id = id;
        Feature = feature;
        Value = value;
    }

    /// <summary>The key-value metadata key that holds the data type's wire name.</summary>
    public const string DataTypeKey = "fractal.data_type";

    public ParquetSchema Schema { get; }

    public DataField Id { get; }

    public DataField Feature { get; }

    public DataField Value { get; }

    /// <summary>A new schema for a file of <paramref name="dataType"/>.</summary>
    public static DatasetParquetSchema For(DataType dataType)
    {
        var id = new DataField<string>(IdName, false);
        var feature = new DataField<string>(FeatureName, false);
        DataField value = dataType.IsNumeric() ? new DataField<double?>(ValueName) : new DataField<string>(ValueName, true);
        return new DatasetParquetSchema(new ParquetSchema(id, feature, value), id, feature, value);
    }

    /// <summary>The fields of a file being read, from the file's own schema.</summary>
    /// <exception cref="InvalidDataException">The file lacks one of the three columns.</exception>
    public static DatasetParquetSchema Of(ParquetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new DatasetParquetSchema(schema, Find(schema, IdName), Find(schema, FeatureName), Find(schema, ValueName));
    }

    private static DataField Find(ParquetSchema schema, string name) =>
        schema.DataFields.FirstOrDefault(field => field.Name == name)
            ?? throw new InvalidDataException($"The file is not a Fractal dataset: it has no '{name}' column. Load the dataset again.");
}
