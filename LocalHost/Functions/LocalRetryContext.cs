using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>The retry state of a local invocation: the local host runs each invocation once (Durable retries are the orchestrator's).</summary>
public sealed class LocalRetryContext : RetryContext
{
    /// <summary>The single instance: no retry, none allowed.</summary>
    public static LocalRetryContext None { get; } = new();

    /// <inheritdoc />
    public override int RetryCount => 0;

    /// <inheritdoc />
    public override int MaxRetryCount => 0;
}
