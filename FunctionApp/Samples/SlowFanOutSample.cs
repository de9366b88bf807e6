using System.Globalization;
using Fractal.Durable;
using Fractal.Durable.Client;
using Fractal.Durable.Functions;

namespace Fractal.FunctionApp.Samples;

/// <summary>
/// <c>POST /api/samples/slowfanout?count=N&amp;delayMs=D</c>: N activities in parallel, activity i waits D ms
/// and returns <c>"i@worker"</c>, naming the worker process (<c>FRACTAL_WORKER_ID</c>) that ran it; output the
/// list of those in task order. With <c>crashAt=i</c>, activity i ends its worker process at once
/// (<see cref="Environment.FailFast(string)"/>) each time it runs. <c>instanceId</c> chooses the instance's id.
/// For crash-recovery, scale-out and poison tests.
/// </summary>
public static class SlowFanOutSample
{
    private const int MaxCount = 10_000;
    private const int MaxDelayMs = 60_000;

    [Function("SlowFanOutSample_Start")]
    public static async Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/slowfanout")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var plan = new SlowFanOutPlan(
            Count: QueryNumber(request, "count", fallback: 10, min: 1, max: MaxCount),
            DelayMs: QueryNumber(request, "delayMs", fallback: 100, min: 0, max: MaxDelayMs),
            CrashAt: QueryNumber(request, "crashAt", fallback: -1, min: 0, max: MaxCount - 1));
        var instanceId = request.Query["instanceId"].ToString() is { Length: > 0 } id ? id : null;
        var started = await client.ScheduleNewOrchestrationInstanceAsync(nameof(SlowFanOut), plan, new StartOrchestrationOptions(instanceId), cancellationToken);
        return client.CreateCheckStatusResponse(request, started);
    }

    [Function(nameof(SlowFanOut))]
    public static async Task<string[]> SlowFanOut([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var plan = context.GetInput<SlowFanOutPlan>()!;
        return await Task.WhenAll(Enumerable.Range(0, plan.Count)
            .Select(i => context.CallActivityAsync<string>(nameof(WaitAndName), new SlowFanOutCall(i, plan.DelayMs, Crash: i == plan.CrashAt))));
    }

    [Function(nameof(WaitAndName))]
    public static async Task<string> WaitAndName([ActivityTrigger] SlowFanOutCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await Task.Delay(call.DelayMs, cancellationToken);
        if (call.Crash)
        {
            Environment.FailFast($"Activity {call.Index} of the slow fan-out sample ends its worker process, as asked.");
        }

        var worker = Environment.GetEnvironmentVariable("FRACTAL_WORKER_ID") ?? Environment.MachineName;
        return string.Create(CultureInfo.InvariantCulture, $"{call.Index}@{worker}");
    }

    private static int QueryNumber(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw HttpProblemException.BadRequest(name, $"{name} must be a whole number from {min} to {max}.");
    }
}
