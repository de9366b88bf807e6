using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>
/// A slow fan-out whose activities say which worker ran them: shows that several hosts on one task hub share the
/// activities of one orchestration.
/// </summary>
public static class WorkerFanOutSample
{
    [Function(nameof(WorkerFanOut))]
    public static async Task<WorkerEcho[]> WorkerFanOut([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<SlowFanOutInput>()!;
        var tasks = Enumerable.Range(0, input.Count)
            .Select(i => context.CallActivityAsync<WorkerEcho>(nameof(EchoWithWorker), new SlowEchoRequest(i, input.DelayMilliseconds)));
        return await Task.WhenAll(tasks);
    }

    [Function(nameof(EchoWithWorker))]
    public static async Task<WorkerEcho> EchoWithWorker([ActivityTrigger] SlowEchoRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Delay(request.DelayMilliseconds, cancellationToken);
        return new WorkerEcho(request.Index, string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}"));
    }
}
