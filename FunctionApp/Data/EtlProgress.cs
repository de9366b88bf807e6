using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Data;

/// <summary>The ETL orchestration's custom status: datasets finished out of all.</summary>
public sealed record EtlProgress(
    [property: JsonPropertyName("done")] int Done,
    [property: JsonPropertyName("total")] int Total);
