using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Tests.Http;

/// <summary>HTTP functions the host tests serve: one per binding and result kind, each level once.</summary>
public static class HttpTestFunctions
{
    [Function("HttpTest_Item")]
    public static object Item([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id:int}/{name?}")] HttpRequest request, int id, string? name) =>
        new { id, name, query = request.Query["q"].ToString() };

    [Function("HttpTest_Default")]
    public static IResult DefaultRoute([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post")] HttpRequest request, FunctionContext context, CancellationToken cancellationToken) =>
        Results.Text($"{context.FunctionDefinition.Name}:{request.Method}:{cancellationToken.CanBeCanceled}:{ReferenceEquals(context.GetHttpContext(), request.HttpContext)}");

    [Function("HttpTest_Function")]
    public static IActionResult FunctionLevel([HttpTrigger(AuthorizationLevel.Function, "get", Route = "secured")] HttpRequest request) =>
        new OkObjectResult(new { level = "function" });

    [Function("HttpTest_Admin")]
    public static IActionResult AdminLevel([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin-only")] HttpRequest request) =>
        new OkObjectResult(new { level = "admin" });

    /// <summary>Set when <c>HttpTest_Waits</c> has started waiting.</summary>
    public static TaskCompletionSource Waiting { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Function("HttpTest_Waits")]
    public static async Task<IResult> Waits([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "waits")] HttpRequest request, CancellationToken cancellationToken)
    {
        Waiting.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return Results.Ok();
    }

    [Function("HttpTest_Throws")]
    public static IActionResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throws")] HttpRequest request) =>
        throw new InvalidOperationException("The function failed on purpose.");

    [Function("HttpTest_Start")]
    public static async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "start/{orchestrator}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string orchestrator)
    {
        var id = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, cancellation: request.HttpContext.RequestAborted);
        return new AcceptedResult(string.Empty, client.CreateHttpManagementPayload(id));
    }
}
