using Fractal.Domain.Analyses;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>The part of every definition that does not depend on its fan-out: its result type and charts.</summary>
/// <typeparam name="TResult">The result the analysis computes.</typeparam>
public abstract class AnalysisDefinition<TResult> : IAnalysisDefinition
    where TResult : class
{
    /// <inheritdoc/>
    public abstract AnalysisSchema Schema { get; }

    /// <inheritdoc/>
    public abstract AnalysisFanOut FanOut { get; }

    /// <inheritdoc/>
    public abstract IFractalisTask? Fractalis { get; }

    /// <inheritdoc/>
    public virtual Task ValidateAsync(AnalysisInputs inputs, string session, AnalysisArgs args, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public IReadOnlyList<NamedPlot> Draw(object result) =>
        Draw(result as TResult ?? throw new ArgumentException($"{Schema.TaskName} draws a {typeof(TResult).Name}, not a {result?.GetType().Name ?? "null"}.", nameof(result)));

    /// <summary>The charts of a result.</summary>
    protected abstract IReadOnlyList<NamedPlot> Draw(TResult result);
}
