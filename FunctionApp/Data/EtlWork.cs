using System.Text.Json.Serialization;
using Fractal.Etl.Handlers;

namespace Fractal.FunctionApp.Data;

/// <summary>An ETL activity's input: the session, the dataset, the sealed token and, for extraction, the partition.</summary>
public sealed record EtlWork(
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("data_id")] string DataId,
    [property: JsonPropertyName("source")] EtlSource Source,
    [property: JsonPropertyName("dataset")] EtlJobDataset Dataset,
    [property: JsonPropertyName("sealed_token")] string? SealedToken,
    [property: JsonPropertyName("partition")] EtlPartition? Partition = null,
    [property: JsonPropertyName("parts")] IReadOnlyList<DatasetPartSummary>? Parts = null);
