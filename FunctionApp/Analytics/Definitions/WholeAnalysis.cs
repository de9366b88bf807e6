namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>An analysis computed in one activity, typed by its result.</summary>
/// <typeparam name="TResult">The result the analysis computes.</typeparam>
public abstract class WholeAnalysis<TResult> : AnalysisDefinition<TResult>, IWholeAnalysis
    where TResult : class
{
    /// <inheritdoc/>
    public sealed override AnalysisFanOut FanOut => AnalysisFanOut.Whole;

    /// <inheritdoc/>
    async Task<object> IWholeAnalysis.RunAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken) =>
        await RunAsync(inputs, job, cancellationToken);

    /// <summary>Reads the job's inputs and computes its result.</summary>
    protected abstract Task<TResult> RunAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken);
}
