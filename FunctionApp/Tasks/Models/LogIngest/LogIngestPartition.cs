using System.Text.Json.Serialization;
using Fractal.Etl.Handlers;

namespace Fractal.FunctionApp.Tasks.Models.LogIngest;

/// <summary>One partition of an ingest: the log set, the field's position and the handler's partition of it.</summary>
public sealed record LogIngestPartition(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("field_index")] int FieldIndex,
    [property: JsonPropertyName("partition")] EtlPartition Partition);
