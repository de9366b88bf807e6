using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

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
            await context.CallActivityAsync<string>(nameof(SayHello), "London"),
        ];
    }

    [Function(nameof(SayHello))]
    public static string SayHello([ActivityTrigger] string city) => $"Hello {city}!";

    /// <summary>Starts <see cref="HelloCities"/>: <c>POST /api/samples/hello</c>.</summary>
    [Function(nameof(HelloStart))]
    public static async Task<IActionResult> HelloStart(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/hello")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloCities), cancellationToken);
        return CheckStatusResponse.Create(client, id);
    }
}
