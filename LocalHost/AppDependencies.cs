using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Fractal.LocalHost;

/// <summary>
/// Resolves what a compiled app needs beyond the local host's own dependencies, from the app's <c>.deps.json</c>: its
/// native libraries (SkiaSharp, DuckDB under <c>runtimes/{rid}/native</c>) and managed assemblies the host does not
/// ship. The exe calls <see cref="Register"/> before it loads the app from its build or publish folder; assemblies
/// both share (the Functions worker, Durable Task) stay the host's, so their types are one.
/// </summary>
public static class AppDependencies
{
    /// <summary>Resolves the app's dependencies for the default load context from <paramref name="appAssemblyPath"/>'s <c>.deps.json</c>.</summary>
    public static void Register(string appAssemblyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appAssemblyPath);
        var resolver = new AssemblyDependencyResolver(Path.GetFullPath(appAssemblyPath));
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            resolver.ResolveAssemblyToPath(name) is { } path ? context.LoadFromAssemblyPath(path) : null;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
            resolver.ResolveUnmanagedDllToPath(name) is { } path ? NativeLibrary.Load(path) : IntPtr.Zero;
    }

    /// <summary>Registers the app's dependencies, then loads it.</summary>
    public static Assembly Load(string appAssemblyPath)
    {
        Register(appAssemblyPath);
        return Assembly.LoadFrom(Path.GetFullPath(appAssemblyPath));
    }
}
