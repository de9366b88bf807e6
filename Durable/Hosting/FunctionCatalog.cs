using System.Reflection;
using Fractal.Durable.Functions;

namespace Fractal.Durable.Hosting;

/// <summary>The functions found in the app's assemblies, by trigger.</summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> httpFunctions, IReadOnlyDictionary<string, FunctionMethod> all)
    {
        HttpFunctions = httpFunctions;
        All = all;
        Orchestrators = [.. all.Values.Where(f => HasParameter<OrchestrationTriggerAttribute>(f))];
        Activities = [.. all.Values.Where(f => HasParameter<ActivityTriggerAttribute>(f))];
    }

    internal IReadOnlyList<HttpFunction> HttpFunctions { get; }

    internal IReadOnlyList<FunctionMethod> Orchestrators { get; }

    internal IReadOnlyList<FunctionMethod> Activities { get; }

    internal IReadOnlyDictionary<string, FunctionMethod> All { get; }

    /// <summary>The names of every discovered function.</summary>
    public IEnumerable<string> Names => All.Keys;

    /// <summary>Finds every <see cref="FunctionAttribute"/> method of <paramref name="types"/>.</summary>
    /// <exception cref="InvalidOperationException">Two functions share a name, or a function has no trigger.</exception>
    public static FunctionCatalog Discover(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);

        var all = new Dictionary<string, FunctionMethod>(StringComparer.OrdinalIgnoreCase);
        var http = new List<HttpFunction>();
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in types.Distinct().SelectMany(t => t.GetMethods(Flags)))
        {
            var attribute = method.GetCustomAttribute<FunctionAttribute>();
            if (attribute is null)
            {
                continue;
            }

            var function = new FunctionMethod(attribute.Name, method);
            if (!all.TryAdd(attribute.Name, function))
            {
                throw new InvalidOperationException($"Two functions are named '{attribute.Name}': {Describe(all[attribute.Name].Method)} and {Describe(method)}.");
            }

            var trigger = method.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .SingleOrDefault(a => a is not null);
            if (trigger is not null)
            {
                var methods = trigger.Methods.Select(m => m.ToUpperInvariant()).ToList();
                http.Add(new HttpFunction(function, (trigger.Route ?? attribute.Name).Trim('/'), methods, trigger.AuthLevel));
            }
            else if (!FunctionTriggers.HasTrigger(method))
            {
                throw new InvalidOperationException($"Function '{attribute.Name}' ({Describe(method)}) has no trigger parameter.");
            }
        }

        return new FunctionCatalog(http, all);
    }

    private static bool HasParameter<TAttribute>(FunctionMethod function)
        where TAttribute : Attribute => function.Parameters.Any(p => p.IsDefined(typeof(TAttribute), inherit: false));

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}
