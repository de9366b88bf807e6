using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Http;

/// <summary>What one HTTP invocation carries through the worker middleware to the function, and its result back.</summary>
internal sealed class HttpInvocation
{
    private const string ItemKey = "Fractal.LocalHost.HttpInvocation";
    private readonly Func<FunctionContext, Task<object?>> _function;
    private readonly Func<DurableTaskClient> _durableClient;
    private DurableTaskClient? _client;

    public HttpInvocation(HttpContext httpContext, Func<FunctionContext, Task<object?>> function, Func<DurableTaskClient> durableClient)
    {
        HttpContext = httpContext;
        _function = function;
        _durableClient = durableClient;
    }

    /// <summary>The request being served.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>Whether the function ran to its end.</summary>
    public bool Returned { get; private set; }

    /// <summary>The function's return value, once awaited.</summary>
    public object? Result { get; private set; }

    /// <summary>The <c>[DurableClient]</c> of this invocation, created on first use.</summary>
    public DurableTaskClient DurableClient() => _client ??= _durableClient();

    /// <summary>The end of the middleware pipeline: bind, invoke, keep the result.</summary>
    public static async Task ExecuteAsync(FunctionContext context)
    {
        var invocation = Of(context);
        invocation.Result = await invocation._function(context);
        invocation.Returned = true;
    }

    public void AttachTo(FunctionContext context) => context.Items[ItemKey] = this;

    public static HttpInvocation Of(FunctionContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is HttpInvocation invocation
            ? invocation
            : throw new InvalidOperationException("The function context was not created by the local host's HTTP endpoint.");
}
