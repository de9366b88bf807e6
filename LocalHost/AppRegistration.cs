using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost;

/// <summary>
/// Finds a compiled app's own registration method, so that the exe builds the app's services exactly as the app's
/// <c>Program.cs</c> does. The app names it with an assembly attribute from the base library (no reference to the local
/// host needed): <c>[assembly: AssemblyMetadata("FunctionsWorkerRegistration", "Namespace.Type.Method")]</c>, where the
/// method is public, static, and takes <c>(IFunctionsWorkerApplicationBuilder, IConfiguration)</c>.
/// </summary>
public static class AppRegistration
{
    /// <summary>The <see cref="AssemblyMetadataAttribute"/> key that names the registration method.</summary>
    public const string MetadataKey = "FunctionsWorkerRegistration";

    /// <summary>
    /// The registration <paramref name="appAssembly"/> names, as <see cref="LocalFunctionsHostOptions.ConfigureApp"/>
    /// takes it; null when the assembly names none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The assembly names a method that does not exist or has another shape.</exception>
    public static Action<IFunctionsWorkerApplicationBuilder, IConfiguration>? Find(Assembly appAssembly)
    {
        ArgumentNullException.ThrowIfNull(appAssembly);
        var named = appAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == MetadataKey)
            .Select(a => a.Value)
            .ToList();
        if (named.Count == 0)
        {
            return null;
        }

        if (named is not [{ Length: > 0 } name])
        {
            throw new InvalidOperationException($"{appAssembly.GetName().Name} must name exactly one registration method in AssemblyMetadata(\"{MetadataKey}\", \"Namespace.Type.Method\").");
        }

        var dot = name.LastIndexOf('.');
        var method = (dot > 0 ? appAssembly.GetType(name[..dot]) : null)?
            .GetMethod(name[(dot + 1)..], BindingFlags.Public | BindingFlags.Static, [typeof(IFunctionsWorkerApplicationBuilder), typeof(IConfiguration)])
            ?? throw new InvalidOperationException(
                $"{appAssembly.GetName().Name} names '{name}' as its registration ({MetadataKey}), but it has no public static method by that name taking (IFunctionsWorkerApplicationBuilder, IConfiguration).");
        return (builder, configuration) => method.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [builder, configuration], culture: null);
    }
}
