using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>The binding data of an HTTP invocation: the route values and the query, as the host offers them.</summary>
internal sealed class HttpBindingContext : BindingContext
{
    public HttpBindingContext(IReadOnlyDictionary<string, object?> bindingData)
    {
        BindingData = bindingData;
    }

    public override IReadOnlyDictionary<string, object?> BindingData { get; }
}
