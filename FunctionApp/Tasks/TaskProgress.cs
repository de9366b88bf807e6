using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks;

/// <summary>A task's custom status: its model, the partitions (or steps) done out of how many, and what it is doing.</summary>
public sealed record TaskProgress(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("partitions_done")] int PartitionsDone,
    [property: JsonPropertyName("partitions_total")] int PartitionsTotal,
    [property: JsonPropertyName("message")] string Message);
