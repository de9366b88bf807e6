using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>The W3C trace context of the request being served.</summary>
internal sealed class HttpTraceContext : TraceContext
{
    public HttpTraceContext(Activity? activity)
    {
        TraceParent = activity?.Id ?? string.Empty;
        TraceState = activity?.TraceStateString ?? string.Empty;
    }

    public override string TraceParent { get; }

    public override string TraceState { get; }
}
