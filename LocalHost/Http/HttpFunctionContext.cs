using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>
/// The <see cref="FunctionContext"/> of one HTTP invocation. It carries the <see cref="HttpContext"/> under
/// <see cref="HttpContextItemKey"/>, where ASP.NET Core integration's <c>GetHttpContext()</c> looks for it.
/// </summary>
internal sealed class HttpFunctionContext : FunctionContext
{
    /// <summary>The item key under which the worker's ASP.NET Core integration keeps the request.</summary>
    public const string HttpContextItemKey = "HttpRequestContext";

    public HttpFunctionContext(HttpContext httpContext, HttpFunctionDefinition definition, IReadOnlyDictionary<string, object?> bindingData)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        InvocationId = Guid.NewGuid().ToString();
        FunctionDefinition = definition;
        InstanceServices = httpContext.RequestServices;
        CancellationToken = httpContext.RequestAborted;
        TraceContext = new HttpTraceContext(System.Diagnostics.Activity.Current);
        BindingContext = new HttpBindingContext(bindingData);
        Items = new Dictionary<object, object> { [HttpContextItemKey] = httpContext };
    }

    public override string InvocationId { get; }

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; }

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext => NoRetryContext.Instance;

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; }

    public override IInvocationFeatures Features { get; } = new InvocationFeatures();

    public override CancellationToken CancellationToken { get; }
}
