using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Instances;

/// <summary>One step of an orchestration: what it ran, when it was scheduled and ended, and how it ended.</summary>
public sealed record TimelineBar(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("scheduled")] DateTimeOffset Scheduled,
    [property: JsonPropertyName("ended")] DateTimeOffset? Ended,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("instance_id")] string? InstanceId)
{
    public const string Activity = "activity";
    public const string SubOrchestration = "suborchestration";
    public const string Timer = "timer";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
