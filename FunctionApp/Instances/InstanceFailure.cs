using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Instances;

/// <summary>Why an instance failed: the error's type and message.</summary>
public sealed record InstanceFailure(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message);
