using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>Calls one activity per city in sequence.</summary>
public static class HelloSample
{
    [Function(nameof(HelloCities))]
    public static async Task<List<string>> HelloCities([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            await context.CallActivityAsync<string>(nameof(SayHello), "Tokyo"),
            await context.CallActivityAsync<string>(nameof(SayHello), "Seattle"),
        ];
    }

    [Function(nameof(SayHello))]
    public static string SayHello([ActivityTrigger] string city) => $"Hello {city}!";
}
