using Fractal.Durable.Client;
using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Tests.Management;

/// <summary>Functions the management API tests drive.</summary>
public static class ManagementFunctions
{
    [Function("StartWaiter")]
    public static async Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "start/{name}")] HttpRequest request,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var id = request.Query["id"].ToString();
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            name, "input-value", new StartOrchestrationOptions(string.IsNullOrEmpty(id) ? null : id), cancellationToken);
        return client.CreateCheckStatusResponse(request, instanceId);
    }

    [Function(nameof(Waiter))]
    public static async Task<string> Waiter([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        context.SetCustomStatus("waiting");
        var value = await context.WaitForExternalEvent<string>("go");
        return await context.CallActivityAsync<string>(nameof(Shout), value);
    }

    [Function(nameof(Quick))]
    public static Task<string> Quick([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<string>(nameof(Shout), context.GetInput<string>());

    [Function(nameof(Shout))]
    public static string Shout([ActivityTrigger] string value) => value.ToUpperInvariant();
}
