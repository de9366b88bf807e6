using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>
/// Deliberately breaks the replay rule: on replay it schedules a different activity than the history holds, so the
/// engine fails the instance as non-deterministic.
/// </summary>
public static class NonDeterministicSample
{
    [Function(nameof(NonDeterministic))]
    public static async Task<string> NonDeterministic([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = context.IsReplaying
            ? await context.CallActivityAsync<string>(nameof(HelloSample.SayHello), "replay")
            : (await context.CallActivityAsync<int>(nameof(FanOutSample.EchoIndex), 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var second = await context.CallActivityAsync<string>(nameof(HelloSample.SayHello), first);
        return second;
    }
}
