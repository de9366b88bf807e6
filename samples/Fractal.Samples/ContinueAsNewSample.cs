using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>Counts up to a target by continuing as new once per step; the output is the final count.</summary>
public static class ContinueAsNewSample
{
    [Function(nameof(Counter))]
    public static Task<int> Counter([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.GetInput<CounterState>()!;
        if (state.Current < state.Target)
        {
            context.ContinueAsNew(state with { Current = state.Current + 1 });
        }

        return Task.FromResult(state.Current);
    }
}
