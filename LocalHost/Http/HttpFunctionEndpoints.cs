using Fractal.LocalHost.Functions;
using Fractal.LocalHost.Settings;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Fractal.LocalHost.Http;

/// <summary>
/// Serves each HTTP-triggered function at <c>/{routePrefix}/{route}</c> with its methods: the key is checked for the
/// function's level, then the invocation runs through the <see cref="FunctionInvoker"/> (the app's worker middleware, then
/// the function, with route and query values as binding data) and what the function returned is written. The function's
/// cancellation token ends when the caller goes away or the host starts stopping, as the Functions host signals it, so
/// that long waits (status polls that wait for completion) do not hold the host's stop.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IReadOnlyList<HttpFunction> functions, HttpHostOptions options, HostKeys keys)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var invoker = endpoints.ServiceProvider.GetRequiredService<FunctionInvoker>();
        var stopping = endpoints.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        foreach (var function in functions)
        {
            if (!function.Function.Trigger.ParameterType.IsAssignableFrom(typeof(HttpRequest)))
            {
                throw new InvalidOperationException(
                    $"Function '{function.Name}' has an [HttpTrigger] parameter of type {function.Function.Trigger.ParameterType.Name}; "
                    + "the local host serves HttpRequest (ASP.NET Core integration).");
            }

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

            var handler = CreateHandler(function, invoker, keys, stopping);
            var builder = function.Methods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(template, function.Methods, handler);
            builder.WithDisplayName(function.Name).WithMetadata(function);
        }
    }

    private static RequestDelegate CreateHandler(HttpFunction function, FunctionInvoker invoker, HostKeys keys, CancellationToken stopping) =>
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

            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
            var context = new LocalFunctionContext(function.Function, httpContext.RequestServices, cancellation.Token, bindingData);
            context.Items[LocalFunctionContext.HttpContextItemKey] = httpContext;
            var invocation = await invoker.ExecuteAsync(function.Function, context, httpContext.Request);
            if (invocation.Returned)
            {
                await HttpResultWriter.WriteAsync(httpContext, invocation.Result, function.Function.ResultType is not null);
            }
        };
}
