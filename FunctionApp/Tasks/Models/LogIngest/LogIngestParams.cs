using System.Text.Json;
using System.Text.Json.Serialization;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Tasks.Models.LogIngest;

/// <summary>The parameters of <c>log-ingest</c>: a source as <c>POST /api/data</c> names one, the log fields to keep, and the log set's name.</summary>
public sealed record LogIngestParams
{
    /// <summary>The ETL handler that reads the source: <c>csv</c>, <c>json</c> (JSON or NDJSON) or <c>elasticsearch</c>.</summary>
    [JsonPropertyName("handler")]
    public string? Handler { get; init; }

    /// <summary>The source's URL (csv, json, elasticsearch); none when <c>options.data</c> holds the text itself.</summary>
    [JsonPropertyName("server")]
    public string? Server { get; init; }

    /// <summary>The handler's options, as <c>POST /api/data</c> takes them (<c>data</c>, <c>id_column</c>, <c>index</c>…).</summary>
    [JsonPropertyName("options")]
    public JsonElement? Options { get; init; }

    /// <summary>The log fields to keep, one descriptor each (numerical or categorical).</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<Descriptor>? Fields { get; init; }

    /// <summary>The log set's name (letters, digits, - and _); the task's id when unset.</summary>
    [JsonPropertyName("dataset")]
    public string? Dataset { get; init; }
}
