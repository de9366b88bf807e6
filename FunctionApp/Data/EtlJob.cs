using System.Text.Json.Serialization;
using Fractal.Etl.Handlers;

namespace Fractal.FunctionApp.Data;

/// <summary>The ETL orchestration's input: the session, the source, the datasets to load and the sealed token.</summary>
public sealed record EtlJob(
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("source")] EtlSource Source,
    [property: JsonPropertyName("datasets")] IReadOnlyList<EtlJobDataset> Datasets,
    [property: JsonPropertyName("sealed_token")] string? SealedToken);
