using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>Passes a large text (over 64 KB, beyond a queue message) through an activity that doubles it.</summary>
public static class LargePayloadSample
{
    [Function(nameof(LargePayload))]
    public static async Task<string> LargePayload([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.CallActivityAsync<string>(nameof(DoubleText), context.GetInput<string>());
    }

    [Function(nameof(DoubleText))]
    public static string DoubleText([ActivityTrigger] string text) => text + text;
}
