using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>Finds the app's HTTP-triggered functions: public methods with <c>[Function]</c> and an <c>[HttpTrigger]</c> parameter.</summary>
public static class HttpFunctionCatalog
{
    /// <summary>The HTTP functions of <paramref name="assembly"/>, by name.</summary>
    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Discover(assembly.GetExportedTypes());
    }

    /// <summary>The HTTP functions declared by <paramref name="types"/>, by name.</summary>
    public static IReadOnlyList<HttpFunction> Discover(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);

        var functions = new List<HttpFunction>();
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is null)
                {
                    continue;
                }

                foreach (var parameter in method.GetParameters())
                {
                    if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } trigger)
                    {
                        var methods = (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).Distinct().ToList();
                        var route = string.IsNullOrWhiteSpace(trigger.Route) ? function.Name : trigger.Route;
                        functions.Add(new HttpFunction(function.Name, method, parameter.Name!, route, methods, trigger.AuthLevel));
                    }
                }
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)]
            : throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'; function names must be unique.");
    }
}
