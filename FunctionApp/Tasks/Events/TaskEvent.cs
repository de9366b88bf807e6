using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks.Events;

/// <summary>The message published to <c>fractal.events</c> when a task ends, so that other systems chain on it.</summary>
public sealed record TaskEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("output")] JsonElement? Output,
    [property: JsonPropertyName("error")] string? Error);
