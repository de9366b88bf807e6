using System.Globalization;
using Fractal.Durable;
using Fractal.Durable.Client;
using Fractal.Durable.Functions;

namespace Fractal.FunctionApp.Samples;

/// <summary><c>POST /api/samples/fanout?count=N</c>: N activities in parallel, activity i returns i; output <c>{"count": N, "sum": …}</c>.</summary>
public static class FanOutSample
{
    private const int MaxCount = 10_000;

    [Function("FanOutSample_Start")]
    public static async Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/fanout")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var text = request.Query["count"].ToString();
        var count = 10;
        if (text.Length > 0 && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
        {
            throw HttpProblemException.BadRequest("count", $"count must be a whole number from 1 to {MaxCount}.");
        }

        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutSum), count, cancellationToken: cancellationToken);
        return client.CreateCheckStatusResponse(request, instanceId);
    }

    [Function(nameof(FanOutSum))]
    public static async Task<FanOutResult> FanOutSum([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var count = context.GetInput<int>();
        var values = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<long>(nameof(ReturnIndex), i)));
        return new FanOutResult(values.Length, values.Sum());
    }

    [Function(nameof(ReturnIndex))]
    public static long ReturnIndex([ActivityTrigger] long index) => index;
}
