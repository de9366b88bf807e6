using System.Text.Json.Serialization;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Tasks.Models.LogIngest;

/// <summary>A log set as <c>log-ingest</c> leaves it: its fields, each with the number of its Parquet parts and its rows.</summary>
public sealed record LogsetManifest(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("fields")] IReadOnlyList<LogsetField> Fields);

/// <summary>One field of a log set.</summary>
public sealed record LogsetField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("descriptor")] Descriptor Descriptor,
    [property: JsonPropertyName("parts")] int Parts,
    [property: JsonPropertyName("rows")] long Rows);
