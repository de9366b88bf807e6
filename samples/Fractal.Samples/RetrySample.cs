using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>
/// Retries a failing activity with <see cref="RetryPolicy"/>; the output is the number of attempts made. The same
/// activity without retries fails its instance, for rewind.
/// </summary>
public static class RetrySample
{
    private static readonly ConcurrentDictionary<string, int> s_attempts = new();

    [Function(nameof(Retrying))]
    public static async Task<int> Retrying([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<RetryInput>()!;
        var policy = new RetryPolicy(input.MaxAttempts, TimeSpan.FromMilliseconds(100), backoffCoefficient: 1.0);
        return await context.CallActivityAsync<int>(
            nameof(Flaky), new FlakyRequest(context.InstanceId, input.Failures), TaskOptions.FromRetryPolicy(policy));
    }

    /// <summary>Calls <see cref="Flaky"/> once, without retries: it fails the instance as often as its input says, until rewound.</summary>
    [Function(nameof(FailsUntilRewound))]
    public static Task<int> FailsUntilRewound([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<int>(nameof(Flaky), new FlakyRequest(context.InstanceId, context.GetInput<int>()));
    }

    /// <summary>Fails until it has been called more than <see cref="FlakyRequest.Failures"/> times for its key; returns the attempt number.</summary>
    [Function(nameof(Flaky))]
    public static int Flaky([ActivityTrigger] FlakyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempt = s_attempts.AddOrUpdate(request.Key, 1, (_, n) => n + 1);
        return attempt <= request.Failures
            ? throw new InvalidOperationException($"Attempt {attempt} of '{request.Key}' fails on purpose.")
            : attempt;
    }
}
