using System.Text.Json;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Features <c>[Start, Start + Count)</c> of a job's matrix; for limma's moderation, also the matrix' shape (its
/// design), the chunk's fit and the prior.
/// </summary>
public sealed record ChunkWork(AnalysisJob Job, int Start, int Count, MatrixShape? Shape = null, JsonElement? Fit = null, JsonElement? Prior = null);
