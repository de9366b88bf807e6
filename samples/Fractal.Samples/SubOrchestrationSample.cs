using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>Runs <see cref="HelloSample.HelloCities"/> and <see cref="SequenceSample.Sequence"/> as sub-orchestrations.</summary>
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
}
