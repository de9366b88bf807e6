using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Fractal.Samples;

/// <summary>Fans out <c>count</c> activities that each return their index, and fans in: the output is 0..count-1.</summary>
public static class FanOutSample
{
    [Function(nameof(FanOut))]
    public static async Task<int[]> FanOut([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.GetInput<int>();
        var tasks = Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>(nameof(EchoIndex), i));
        return await Task.WhenAll(tasks);
    }

    [Function(nameof(EchoIndex))]
    public static int EchoIndex([ActivityTrigger] int index) => index;

    /// <summary>Starts <see cref="FanOut"/>: <c>POST /api/samples/fanout?count=N</c>.</summary>
    [Function(nameof(FanOutStart))]
    public static async Task<IActionResult> FanOutStart(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/fanout")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!int.TryParse(request.Query["count"], out var count) || count < 0 || count > 100_000)
        {
            return new BadRequestObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid count",
                Detail = "'count' must be a whole number from 0 to 100000.",
            });
        }

        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOut), count, cancellationToken);
        return CheckStatusResponse.Create(client, id);
    }
}
