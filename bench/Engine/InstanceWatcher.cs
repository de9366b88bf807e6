using System.Diagnostics;
using DurableTask.Core;

namespace Fractal.Bench.Engine;

/// <summary>
/// Runs one orchestration on a target and times it from the start call until the store shows it completed, polling the
/// store the same way for every target (DTFx's own <c>WaitForOrchestrationAsync</c> polls every 2 s).
/// </summary>
internal static class InstanceWatcher
{
    /// <summary>
    /// Starts an orchestration with <paramref name="start"/>, waits for it (reading its row every <paramref name="poll"/>),
    /// checks its output, and returns the time taken.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(
        IBenchTarget target,
        Func<CancellationToken, Task<string>> start,
        Func<string?, bool> outputIsRight,
        TimeSpan poll,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var instanceId = await start(cancellationToken);
        while (true)
        {
            var state = (await target.Store.GetOrchestrationStateAsync(instanceId, allExecutions: false)).FirstOrDefault();
            switch (state?.OrchestrationStatus)
            {
                case OrchestrationStatus.Completed:
                    var elapsed = clock.Elapsed;
                    return outputIsRight(state.Output)
                        ? elapsed
                        : throw new InvalidOperationException($"{target.Label}: {instanceId} completed with a wrong output: {Shorten(state.Output)}");
                case OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled:
                    throw new InvalidOperationException($"{target.Label}: {instanceId} ended {state.OrchestrationStatus}: {Shorten(state.Output)}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{target.Label}: {instanceId} did not complete within {timeout} (status {state?.OrchestrationStatus}).");
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length <= 200 ? text : text[..200] + "…";
}
