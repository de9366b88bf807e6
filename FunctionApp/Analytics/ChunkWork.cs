namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Features <c>[Start, Start + Count)</c> of a job's matrix; for limma's moderation, also the
/// matrix' shape (its design), the chunk's fit and the prior (JSON).
/// </summary>
public sealed record ChunkWork(AnalysisJob Job, int Start, int Count, MatrixShape? Shape = null, string? Fit = null, string? Prior = null);
