using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// What one partition's activity returns: the model's result and the worker that computed it (<c>{machine}-{process
/// id}</c>, as the local host names workers), so that the history shows how the partitions spread over the workers.
/// </summary>
public sealed record TaskPartResult(
    [property: JsonPropertyName("worker")] string Worker,
    [property: JsonPropertyName("result")] JsonElement Result);
