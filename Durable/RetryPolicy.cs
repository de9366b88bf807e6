namespace Fractal.Durable;

/// <summary>How a failed activity or sub-orchestration is retried: attempts and exponential back-off.</summary>
public sealed record RetryPolicy
{
    /// <param name="maxNumberOfAttempts">Attempts in all, the first included; at least 1.</param>
    /// <param name="firstRetryInterval">The wait before the first retry; positive.</param>
    /// <param name="backoffCoefficient">Each wait is the previous one times this; at least 1.</param>
    /// <param name="maxRetryInterval">The longest wait; unbounded when null.</param>
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan? MaxRetryInterval { get; }

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var delay = FirstRetryInterval.TotalMilliseconds * Math.Pow(BackoffCoefficient, attempt - 1);
        var capped = MaxRetryInterval is { } max ? Math.Min(delay, max.TotalMilliseconds) : delay;
        return TimeSpan.FromMilliseconds(Math.Min(capped, TimeSpan.MaxValue.TotalMilliseconds / 2));
    }
}
