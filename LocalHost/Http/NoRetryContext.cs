using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>HTTP invocations are never retried by the host.</summary>
internal sealed class NoRetryContext : RetryContext
{
    public static readonly NoRetryContext Instance = new();

    public override int RetryCount => 0;

    public override int MaxRetryCount => 0;
}
