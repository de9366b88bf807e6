using Fractal.LocalHost.Functions;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>An HTTP-triggered function of the app, as served: its route, methods and level, read from its <c>[HttpTrigger]</c>.</summary>
public sealed class HttpFunction
{
    private HttpFunction(FunctionDescriptor function, HttpTriggerAttribute trigger)
    {
        Function = function;
        Route = string.IsNullOrWhiteSpace(trigger.Route) ? function.Name : trigger.Route;
        Methods = [.. (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).Distinct()];
        AuthLevel = trigger.AuthLevel;
    }

    /// <summary>The function (from the app's <see cref="FunctionIndex"/>).</summary>
    public FunctionDescriptor Function { get; }

    /// <summary>The function name (<c>[Function]</c>).</summary>
    public string Name => Function.Name;

    /// <summary>The trigger's route template, or the function name when it has none.</summary>
    public string Route { get; }

    /// <summary>The HTTP methods, upper-case; empty means any.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The key the caller must present.</summary>
    public AuthorizationLevel AuthLevel { get; }

    /// <summary>The HTTP functions of <paramref name="index"/>, ordered by name.</summary>
    public static IReadOnlyList<HttpFunction> FromIndex(FunctionIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return [.. index.OfKind(FunctionTriggerKind.Http).Select(f => new HttpFunction(f, f.HttpTrigger!))];
    }

    /// <summary>The route template served, under <paramref name="routePrefix"/>.</summary>
    public string Template(string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(routePrefix);
        var route = Route.Trim('/');
        return routePrefix.Length == 0 ? $"/{route}" : $"/{routePrefix}/{route}";
    }
}
