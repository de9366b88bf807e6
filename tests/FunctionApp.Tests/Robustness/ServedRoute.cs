using System.Reflection;
using System.Text;
using Fractal.FunctionApp.Fractalis;
using Fractal.FunctionApp.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.FunctionApp.Tests.Robustness;

/// <summary>One method and route template the running app serves, with the error shape its contract promises.</summary>
internal sealed record ServedRoute(string Method, RoutePattern Pattern, ErrorContract Contract)
{
    private static readonly Lazy<Dictionary<string, MethodInfo>> s_functions = new(() =>
        typeof(FractalRegistration).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, StringComparer.Ordinal));

    /// <summary>The template as the app serves it, e.g. <c>/api/data/{dataId}/meta</c>.</summary>
    public string Template => "/" + (Pattern.RawText ?? string.Empty).Trim('/');

    /// <summary>The names of the route's parameters.</summary>
    public IReadOnlyList<string> Parameters => [.. Pattern.Parameters.Select(p => p.Name)];

    /// <summary>
    /// Every route the host serves, from its endpoint data source (the functions found in the catalog and
    /// the management API), without the catch-all fallback.
    /// </summary>
    public static IReadOnlyList<ServedRoute> Discover(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return
        [
            .. from endpoint in endpoints
               where endpoint.Order != int.MaxValue
               from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
               let route = new ServedRoute(method, endpoint.RoutePattern, ContractOf(endpoint))
               orderby route.Template, route.Method
               select route,
        ];
    }

    /// <summary>The path with each parameter replaced by its (already URL-escaped) value.</summary>
    public string Path(IReadOnlyDictionary<string, string> values)
    {
        var path = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => values[parameter.Name],
                    _ => throw new InvalidOperationException($"Unknown route part in {Template}."),
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    public override string ToString() => $"{Method} {Template}";

    /// <summary>
    /// Fractalis' routes are the functions that give their errors Fractalis' shape: its analytics routes answer
    /// <c>{"error_msg"}</c> and its other routes <c>{"error"}</c>, as Fractalis does. Every other route (the product's
    /// and the host's management API) answers problem details.
    /// </summary>
    private static ErrorContract ContractOf(RouteEndpoint endpoint)
    {
        var method = endpoint.DisplayName is { } name && s_functions.Value.TryGetValue(name, out var found) ? found : null;
        var shape = method?.GetCustomAttribute<HttpErrorShapeAttribute>(inherit: true) ?? method?.DeclaringType?.GetCustomAttribute<HttpErrorShapeAttribute>(inherit: true);
        return shape switch
        {
            FractalisAnalyticsErrorsAttribute => ErrorContract.FractalisAnalytics,
            FractalisDataErrorsAttribute => ErrorContract.FractalisData,
            _ => ErrorContract.ProblemDetails,
        };
    }
}
