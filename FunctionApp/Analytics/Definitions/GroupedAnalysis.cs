using System.Text.Json;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>
/// A grouped analysis written with its own types: the plan, a group's input, a group's statistics and the result. The
/// JSON between the orchestration's activities is this class' concern, in the analytics options (NaN kept).
/// </summary>
public abstract class GroupedAnalysis<TPlan, TGroup, TPart, TResult> : AnalysisDefinition<TResult>, IGroupedAnalysis
    where TResult : class
{
    /// <inheritdoc/>
    public sealed override AnalysisFanOut FanOut => AnalysisFanOut.Groups;

    /// <inheritdoc/>
    async Task<AnalysisSplit> IGroupedAnalysis.PlanAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(inputs, job, cancellationToken);
        return new AnalysisSplit(AnalyticsJson.ToElement(plan), [.. Groups(plan).Select(group => AnalyticsJson.ToElement(group))]);
    }

    /// <inheritdoc/>
    JsonElement IGroupedAnalysis.ComputeGroup(AnalysisArgs args, JsonElement group) =>
        AnalyticsJson.ToElement(Compute(args, AnalyticsJson.FromElement<TGroup>(group)));

    /// <inheritdoc/>
    object IGroupedAnalysis.Combine(JsonElement plan, IReadOnlyList<JsonElement> parts) =>
        Combine(AnalyticsJson.FromElement<TPlan>(plan), [.. parts.Select(AnalyticsJson.FromElement<TPart>)]);

    /// <summary>Reads the job's inputs and plans the groups.</summary>
    protected abstract Task<TPlan> PlanAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken);

    /// <summary>The plan's groups, in order.</summary>
    protected abstract IReadOnlyList<TGroup> Groups(TPlan plan);

    /// <summary>One group's statistics.</summary>
    protected abstract TPart Compute(AnalysisArgs args, TGroup group);

    /// <summary>The result from the plan and each group's statistics, in order.</summary>
    protected abstract TResult Combine(TPlan plan, IReadOnlyList<TPart> parts);
}
