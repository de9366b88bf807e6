using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Instances;

/// <summary>One page of <c>GET /api/instances</c>: the instances, newest first, and the token of the next page (null at the end).</summary>
public sealed record InstancePage(
    [property: JsonPropertyName("instances")] IReadOnlyList<InstanceView> Instances,
    [property: JsonPropertyName("continuation_token")] string? ContinuationToken);
