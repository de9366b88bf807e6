using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>Calls an activity the app does not have: the instance fails naming it.</summary>
public static class MissingActivitySample
{
    /// <summary>The name called.</summary>
    public const string MissingActivityName = "NoSuchActivity";

    [Function(nameof(CallsMissingActivity))]
    public static async Task<string> CallsMissingActivity([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.CallActivityAsync<string>(MissingActivityName, "anything");
    }
}
