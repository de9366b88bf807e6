using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>The W3C trace context of one local invocation, taken from the current activity.</summary>
public sealed class LocalTraceContext : TraceContext
{
    /// <summary>Creates a trace context from <paramref name="activity"/> (none: empty).</summary>
    public LocalTraceContext(Activity? activity)
    {
        TraceParent = activity?.Id ?? string.Empty;
        TraceState = activity?.TraceStateString ?? string.Empty;
    }

    /// <inheritdoc />
    public override string TraceParent { get; }

    /// <inheritdoc />
    public override string TraceState { get; }
}
