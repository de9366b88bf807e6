using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>Sets a custom status, waits for a <c>Continue</c> event, sets another, and completes.</summary>
public static class CustomStatusSample
{
    /// <summary>The event that lets the orchestration finish.</summary>
    public const string ContinueEvent = "Continue";

    [Function(nameof(CustomStatus))]
    public static async Task<string> CustomStatus([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetCustomStatus(new ProgressStatus("waiting", 1));
        await context.WaitForExternalEvent<string>(ContinueEvent);
        context.SetCustomStatus(new ProgressStatus("done", 2));
        return "finished";
    }
}
