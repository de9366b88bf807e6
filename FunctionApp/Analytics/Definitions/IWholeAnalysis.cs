namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>An analysis computed in one activity (<see cref="AnalysisFanOut.Whole"/>).</summary>
public interface IWholeAnalysis : IAnalysisDefinition
{
    /// <summary>Reads the job's inputs and computes its result.</summary>
    Task<object> RunAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken);
}
