namespace Fractal.FunctionApp.Analytics;

/// <summary>One group's kernel: the job (for its arguments' method options) and the blob holding the group's input.</summary>
public sealed record GroupWork(AnalysisJob Job, string GroupBlob);
