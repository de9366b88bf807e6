using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>Waits on a durable timer for the input's number of seconds, then reports how long it waited by orchestration time.</summary>
public static class TimerSample
{
    [Function(nameof(DurableTimer))]
    public static async Task<double> DurableTimer([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = context.CurrentUtcDateTime;
        await context.CreateTimer(start.AddSeconds(context.GetInput<double>()), CancellationToken.None);
        return (context.CurrentUtcDateTime - start).TotalSeconds;
    }
}
