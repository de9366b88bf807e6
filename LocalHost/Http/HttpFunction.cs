using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>An HTTP-triggered function of the app: its method and its trigger's route, methods and level.</summary>
/// <param name="Name">The function name (<c>[Function]</c>).</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="TriggerParameterName">The parameter that carries <c>[HttpTrigger]</c>.</param>
/// <param name="Route">The trigger's route template, or the function name when it has none.</param>
/// <param name="Methods">The HTTP methods, upper-case; empty means any.</param>
/// <param name="AuthLevel">The key the caller must present.</param>
public sealed record HttpFunction(
    string Name,
    MethodInfo Method,
    string TriggerParameterName,
    string Route,
    IReadOnlyList<string> Methods,
    AuthorizationLevel AuthLevel)
{
    /// <summary>The route template served, under <paramref name="routePrefix"/>.</summary>
    public string Template(string routePrefix)
    {
        var route = Route.Trim('/');
        return routePrefix.Length == 0 ? $"/{route}" : $"/{routePrefix}/{route}";
    }
}
