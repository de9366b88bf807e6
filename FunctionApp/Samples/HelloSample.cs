using Fractal.Durable;
using Fractal.Durable.Client;
using Fractal.Durable.Functions;

namespace Fractal.FunctionApp.Samples;

/// <summary><c>POST /api/samples/hello</c>: three activities chained; output <c>["Hello Tokyo!", "Hello Seattle!", "Hello London!"]</c>.</summary>
public static class HelloSample
{
    [Function("HelloSample_Start")]
    public static async Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/hello")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloCities), cancellationToken: cancellationToken);
        return client.CreateCheckStatusResponse(request, instanceId);
    }

    [Function(nameof(HelloCities))]
    public static async Task<List<string>> HelloCities([OrchestrationTrigger] TaskOrchestrationContext context) =>
    [
        await context.CallActivityAsync<string>(nameof(SayHello), "Tokyo"),
        await context.CallActivityAsync<string>(nameof(SayHello), "Seattle"),
        await context.CallActivityAsync<string>(nameof(SayHello), "London"),
    ];

    [Function(nameof(SayHello))]
    public static string SayHello([ActivityTrigger] string city) => $"Hello {city}!";
}
