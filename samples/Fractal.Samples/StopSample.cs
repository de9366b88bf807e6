using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>
/// An activity that, on its first attempt for a key, runs until its cancellation token is cancelled (the host stops),
/// and on a later attempt returns that attempt's number: shows what a host does with an activity in flight when it stops.
/// </summary>
public static class StopSample
{
    private static readonly ConcurrentDictionary<string, int> s_attempts = new();

    [Function(nameof(WaitsForStop))]
    public static Task<int> WaitsForStop([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<int>(nameof(RunsUntilCancelled), context.InstanceId);
    }

    [Function(nameof(RunsUntilCancelled))]
    public static async Task<int> RunsUntilCancelled([ActivityTrigger] string key, CancellationToken cancellationToken)
    {
        var attempt = s_attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (attempt == 1)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return attempt;
    }

    /// <summary>How many times <see cref="RunsUntilCancelled"/> has started for <paramref name="key"/>.</summary>
    public static int Attempts(string key) => s_attempts.TryGetValue(key, out var attempts) ? attempts : 0;
}
