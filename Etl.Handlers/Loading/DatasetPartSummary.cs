using System.Text.Json.Serialization;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>What loading a partition (or combining parts) wrote: rows, Parquet bytes and the distinct features.</summary>
public sealed record DatasetPartSummary(
    [property: JsonPropertyName("row_count")] long RowCount,
    [property: JsonPropertyName("byte_count")] long ByteCount,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features)
{
    /// <summary>The dataset's metadata, once this summary is of the whole dataset.</summary>
    public DatasetMetadata ToMetadata(string dataId, Descriptor descriptor, string handler, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new DatasetMetadata
        {
            DataId = dataId,
            Label = descriptor.DisplayLabel,
            DataTypeName = descriptor.DataType.ToName(),
            RowCount = RowCount,
            Features = Features,
            Handler = handler,
            Created = created,
        };
    }
}
