using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// The input of the task orchestration: the client's task id, the model, its checked parameters, and what the
/// orchestrator (which reads no services) needs to know of the model: its shape and retry count. A chained model's
/// steps are runs too, under the same task id, that publish no event of their own.
/// </summary>
public sealed record TaskRun(
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("params")] JsonElement Parameters,
    [property: JsonPropertyName("chained")] bool Chained,
    [property: JsonPropertyName("max_attempts")] int MaxAttempts,
    [property: JsonPropertyName("max_parallel")] int MaxParallel,
    [property: JsonPropertyName("publish")] bool Publish = true);
