using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Management;

/// <summary>The app's orchestrator functions (<c>[Function]</c> with an <c>[OrchestrationTrigger]</c> parameter), by name.</summary>
public sealed class OrchestratorCatalog
{
    private readonly Dictionary<string, string> _names;

    /// <summary>Creates the catalog of <paramref name="names"/>.</summary>
    public OrchestratorCatalog(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names.ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The orchestrators of <paramref name="assembly"/>.</summary>
    public static OrchestratorCatalog Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Discover(assembly.GetExportedTypes());
    }

    /// <summary>The orchestrators declared by <paramref name="types"/>.</summary>
    public static OrchestratorCatalog Discover(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        return new OrchestratorCatalog(
            from type in types
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            where function is not null && method.GetParameters().Any(p => p.IsDefined(typeof(OrchestrationTriggerAttribute), inherit: false))
            select function.Name);
    }

    /// <summary>The declared name of the orchestrator called <paramref name="name"/> (names are case-insensitive, as in Functions).</summary>
    public bool TryGetName(string name, out string declared) => _names.TryGetValue(name, out declared!);
}
