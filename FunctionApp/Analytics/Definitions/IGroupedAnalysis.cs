using System.Text.Json;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>
/// An analysis whose (subset, category) groups are independent (<see cref="AnalysisFanOut.Groups"/>): planned once,
/// computed per group, combined once. Plans, group inputs and parts travel as JSON in the analytics options.
/// </summary>
public interface IGroupedAnalysis : IAnalysisDefinition
{
    /// <summary>Reads the job's inputs and splits them: the plan, and each group's input.</summary>
    Task<AnalysisSplit> PlanAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken);

    /// <summary>One group's statistics from its input and the job's arguments.</summary>
    JsonElement ComputeGroup(AnalysisArgs args, JsonElement group);

    /// <summary>The result from the plan and every group's statistics, in the plan's order.</summary>
    object Combine(JsonElement plan, IReadOnlyList<JsonElement> parts);
}
