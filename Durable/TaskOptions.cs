namespace Fractal.Durable;

/// <summary>Options for scheduling an activity or sub-orchestration.</summary>
public record TaskOptions
{
    /// <summary>The retry policy; none means a failure is final.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Options that retry by <paramref name="policy"/>.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new TaskOptions { Retry = policy };
    }
}
