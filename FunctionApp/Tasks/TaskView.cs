using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// A task as <c>GET /api/tasks</c> lists it (id, model, status, times, progress) and as <c>GET /api/tasks/{id}</c> shows
/// it (also its params, output and error).
/// </summary>
public sealed record TaskView
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>The orchestration's runtime status: Pending, Running, Completed, Failed, Terminated, Suspended.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    [JsonPropertyName("last_updated")]
    public DateTimeOffset LastUpdated { get; init; }

    [JsonPropertyName("progress")]
    public required TaskProgress Progress { get; init; }

    [JsonPropertyName("params")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Parameters { get; init; }

    [JsonPropertyName("output")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Output { get; init; }

    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The view of a task's instance, with its params, output and error when <paramref name="detailed"/>.</summary>
    public static TaskView From(OrchestrationMetadata instance, bool detailed)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var run = instance.SerializedInput is { } input ? JsonSerializer.Deserialize<TaskRun>(input, JsonSerializerOptions.Web) : null;
        var progress = instance.SerializedCustomStatus is { } status ? JsonSerializer.Deserialize<TaskProgress>(status, JsonSerializerOptions.Web) : null;
        var model = run?.Model ?? progress?.Model ?? string.Empty;
        return new TaskView
        {
            Id = TaskIds.FromInstanceId(instance.InstanceId) ?? instance.InstanceId,
            Model = model,
            Status = instance.RuntimeStatus.ToString(),
            Created = instance.CreatedAt,
            LastUpdated = instance.LastUpdatedAt,
            Progress = progress ?? new TaskProgress(model, 0, 0, instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending ? "waiting for a worker" : string.Empty),
            Parameters = detailed ? run?.Parameters : null,
            Output = detailed && instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.SerializedOutput is { } output
                ? JsonDocument.Parse(output).RootElement.Clone()
                : null,
            Error = detailed ? instance.FailureDetails?.ErrorMessage : null,
        };
    }
}
