namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// The fan-in: the job, its instance (for blob names), the plan if it was split (inline JSON, or the blob that holds
/// it), and the parts computed (JSON each).
/// </summary>
public sealed record FinishWork(AnalysisJob Job, string InstanceId, string? Plan, IReadOnlyList<string> Parts, string? PlanBlob = null);
