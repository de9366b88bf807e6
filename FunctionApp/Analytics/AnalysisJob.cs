using System.Text.Json.Serialization;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Orchestrations;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// An analysis orchestration's input: whose datasets, which analysis, where its arguments are (the blob
/// <see cref="ArgsBlob"/> in the results container; <see cref="Args"/> inline only for jobs started by the previous
/// release or holding no user data), the features per chunk where the statistics split by feature, the most groups or
/// chunks it may fan out to and run at once, for an analysis accepted only to report that it cannot run, why, and the
/// orchestration's instance id (which names the analysis' blobs; the orchestration sets it), and the shape of its work
/// (the orchestration follows it).
/// </summary>
public sealed record AnalysisJob(
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("task_name")] string TaskName,
    [property: JsonPropertyName("args")] string? Args,
    [property: JsonPropertyName("chunk_size")] int ChunkSize = AnalysisSettings.DefaultChunkSize,
    [property: JsonPropertyName("refusal")] string? Refusal = null,
    [property: JsonPropertyName("max_fan_out")] int MaxFanOut = AnalysisSettings.DefaultMaxFanOut,
    [property: JsonPropertyName("max_parallel")] int MaxParallel = FanOutSettings.DefaultMaxParallel,
    [property: JsonPropertyName("args_blob")] string? ArgsBlob = null,
    [property: JsonPropertyName("instance_id")] string? InstanceId = null,
    [property: JsonPropertyName("fan_out")] AnalysisFanOut FanOut = AnalysisFanOut.Whole);
