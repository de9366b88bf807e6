using System.Text.Json.Serialization;
using Fractal.Etl.Handlers;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// What an ETL activity reports: partitions planned, a part loaded, or a failure that retrying cannot
/// mend (refused credentials, bad data, a limit); transient failures are thrown so the retry policy acts.
/// </summary>
public sealed record EtlStepResult
{
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("partitions")]
    public IReadOnlyList<EtlPartition>? Partitions { get; init; }

    [JsonPropertyName("part")]
    public DatasetPartSummary? Part { get; init; }

    public static EtlStepResult Failed(string error) => new() { Error = error };
}
