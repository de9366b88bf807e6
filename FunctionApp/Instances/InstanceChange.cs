using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Instances;

/// <summary>The 202 answer of an instance operation: which instance, what was asked.</summary>
public sealed record InstanceChange(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("requested")] string Requested);
