using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks;

/// <summary>The input of one partition's activity: the run and the partition, as the model planned it.</summary>
public sealed record TaskPartitionWork(
    [property: JsonPropertyName("run")] TaskRun Run,
    [property: JsonPropertyName("partition")] JsonElement Partition);
