using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Data;

/// <summary>A dataset to mark FAILURE, with the reason, its partial data to remove.</summary>
public sealed record EtlFailure(
    [property: JsonPropertyName("work")] EtlWork Work,
    [property: JsonPropertyName("message")] string Message);
