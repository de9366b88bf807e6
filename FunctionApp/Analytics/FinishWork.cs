using System.Text.Json;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// The fan-in: the job, its instance (for blob names), the statistics computed per group or chunk (none for an analysis
/// computed whole), and what they were computed from: the blob holding a grouped analysis' plan, or a feature matrix'
/// shape.
/// </summary>
public sealed record FinishWork(AnalysisJob Job, string InstanceId, IReadOnlyList<JsonElement> Parts, string? PlanBlob = null, MatrixShape? Shape = null);
