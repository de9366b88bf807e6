using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>A fan-out whose activities each take a while: long enough to kill a host in the middle of it.</summary>
public static class SlowFanOutSample
{
    [Function(nameof(SlowFanOut))]
    public static async Task<int[]> SlowFanOut([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<SlowFanOutInput>()!;
        var tasks = Enumerable.Range(0, input.Count)
            .Select(i => context.CallActivityAsync<int>(nameof(SlowEcho), new SlowEchoRequest(i, input.DelayMilliseconds)));
        return await Task.WhenAll(tasks);
    }

    [Function(nameof(SlowEcho))]
    public static async Task<int> SlowEcho([ActivityTrigger] SlowEchoRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Delay(request.DelayMilliseconds, cancellationToken);
        return request.Index;
    }
}
