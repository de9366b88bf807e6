using System.Text.Json;
using Fractal.Domain.Analyses.Heatmap;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>
/// An analysis over a feature matrix whose per-feature statistics split into chunks of features
/// (<see cref="AnalysisFanOut.FeatureChunks"/>): limma (fit per chunk, one prior, moderation per chunk) or Welch's t
/// test per chunk, as its ranking method asks; other methods compute everything when finishing.
/// </summary>
public interface IFeatureMatrixAnalysis : IAnalysisDefinition
{
    /// <summary>Reads the job's inputs: the matrix (subsets as columns) and the ranking method.</summary>
    Task<(FeatureMatrix Matrix, string Method)> PrepareAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken);

    /// <summary>The result, from the matrix' shape and the chunks' statistics (none when the method does not split).</summary>
    Task<object> FinishAsync(AnalysisInputs inputs, AnalysisJob job, MatrixShape shape, IReadOnlyList<JsonElement> parts, CancellationToken cancellationToken);
}
