using Fractal.LocalHost.Management;
using Fractal.LocalHost.Settings;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Fractal.LocalHost.Http;

/// <summary>
/// Serves each HTTP-triggered function at <c>/{routePrefix}/{route}</c> with its methods: the key is checked
/// for the function's level, then the invocation runs through the app's worker middleware to the function.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static void Map(
        IEndpointRouteBuilder endpoints,
        IReadOnlyList<HttpFunction> functions,
        HttpHostOptions options,
        HostKeys keys,
        DurableTaskWebhook webhook,
        FunctionExecutionDelegate pipeline)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        foreach (var function in functions)
        {
            var template = function.Template(options.RoutePrefix);
            RoutePattern pattern;
            try
            {
                pattern = RoutePatternFactory.Parse(template);
            }
            catch (RoutePatternException ex)
            {
                throw new InvalidOperationException($"Function '{function.Name}' has a route the host cannot serve ({template}): {ex.Message}", ex);
            }

            var binders = HttpArgumentBinder.Create(function, pattern, services);
            var invoker = new FunctionMethodInvoker(function.Method);
            var definition = new HttpFunctionDefinition(function);
            var handler = CreateHandler(function, definition, binders, invoker, keys, webhook, pipeline);
            var builder = function.Methods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(template, function.Methods, handler);
            builder.WithDisplayName(function.Name).WithMetadata(function);
        }
    }

    private static RequestDelegate CreateHandler(
        HttpFunction function,
        HttpFunctionDefinition definition,
        Func<Microsoft.Azure.Functions.Worker.FunctionContext, object?>[] binders,
        FunctionMethodInvoker invoker,
        HostKeys keys,
        DurableTaskWebhook webhook,
        FunctionExecutionDelegate pipeline) =>
        async httpContext =>
        {
            if (!KeyAuthorization.IsAuthorized(httpContext.Request, function.AuthLevel, keys))
            {
                await HostProblems.UnauthorizedAsync(httpContext, $"Function '{function.Name}' ({function.AuthLevel} level)");
                return;
            }

            var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in httpContext.Request.Query)
            {
                bindingData[key] = value.ToString();
            }

            foreach (var (key, value) in httpContext.GetRouteData().Values)
            {
                bindingData[key] = value;
            }

            var context = new HttpFunctionContext(httpContext, definition, bindingData);
            var invocation = new HttpInvocation(
                httpContext,
                async functionContext =>
                {
                    var arguments = new object?[binders.Length];
                    for (var i = 0; i < binders.Length; i++)
                    {
                        arguments[i] = binders[i](functionContext);
                    }

                    return await invoker.InvokeAsync(functionContext.InstanceServices, arguments);
                },
                () => DurableClientBinding.Create(
                    DurableClientBinding.HostClient(httpContext.RequestServices),
                    DurableTaskWebhook.BaseUrl(httpContext.Request),
                    webhook.QueryString));
            invocation.AttachTo(context);

            await pipeline(context);
            if (invocation.Returned)
            {
                await HttpResultWriter.WriteAsync(httpContext, invocation.Result, invoker.ReturnsValue);
            }
        };
}
