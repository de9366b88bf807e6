namespace Fractal.FunctionApp.Analytics;

/// <summary>A split analysis: the blobs that hold its plan and, per independent group, the group's input.</summary>
public sealed record GroupPlan(string PlanBlob, IReadOnlyList<string> GroupBlobs);
