using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks.Models.LogIngest;

/// <summary>What one partition of an ingest stored: the field's position, the part's number and its rows.</summary>
public sealed record LogIngestPart(
    [property: JsonPropertyName("field_index")] int FieldIndex,
    [property: JsonPropertyName("part")] int Part,
    [property: JsonPropertyName("rows")] long Rows);
