using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Instances;

/// <summary>One history event: its type, time, the name it carries (activity, event, orchestration) and its id.</summary>
public sealed record TimelineEvent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("id")] int Id);
