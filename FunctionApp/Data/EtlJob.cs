using System.Text.Json.Serialization;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Orchestrations;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// The ETL orchestration's input: the session, the source (whose inline text was stored as an upload, named here to be
/// removed at the end), the datasets to load, the sealed token, and how many of its activities may run at once.
/// </summary>
public sealed record EtlJob(
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("source")] EtlSource Source,
    [property: JsonPropertyName("datasets")] IReadOnlyList<EtlJobDataset> Datasets,
    [property: JsonPropertyName("sealed_token")] string? SealedToken,
    [property: JsonPropertyName("max_parallel")] int MaxParallel = FanOutSettings.DefaultMaxParallel,
    [property: JsonPropertyName("upload")] string? Upload = null);
