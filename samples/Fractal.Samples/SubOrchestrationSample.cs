using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>
/// Runs <see cref="HelloSample.HelloCities"/> and <see cref="SequenceSample.Sequence"/> as sub-orchestrations; and
/// <see cref="ParentReport"/>, which says which orchestration started it.
/// </summary>
public static class SubOrchestrationSample
{
    [Function(nameof(ParentOrchestration))]
    public static async Task<string> ParentOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var greetings = await context.CallSubOrchestratorAsync<List<string>>(nameof(HelloSample.HelloCities));
        var sequence = await context.CallSubOrchestratorAsync<string>(
            nameof(SequenceSample.Sequence), "x", new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:sequence" });
        return $"{string.Join(" ", greetings)} {sequence}";
    }

    /// <summary>Calls <see cref="ReportParent"/> as a sub-orchestration and returns what it reported.</summary>
    [Function(nameof(ParentReport))]
    public static Task<string> ParentReport([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallSubOrchestratorAsync<string>(nameof(ReportParent));
    }

    /// <summary>Returns <c>{parent name}/{parent instance id}</c>, or <c>none</c> when started on its own.</summary>
    [Function(nameof(ReportParent))]
    public static string ReportParent([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Parent is { } parent ? $"{parent.Name}/{parent.InstanceId}" : "none";
    }
}
