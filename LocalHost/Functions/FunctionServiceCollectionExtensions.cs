using Fractal.LocalHost.Durable;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fractal.LocalHost.Functions;

/// <summary>Registers the app's functions and the one pipeline that invokes them, whatever their trigger.</summary>
public static class FunctionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="index"/> (unless an index is registered already), the <see cref="FunctionInvoker"/>
    /// and the <c>[DurableClient]</c> binder. The first registration wins, so the host's index and the engine's agree.
    /// </summary>
    public static IServiceCollection AddLocalFunctions(this IServiceCollection services, Func<FunctionIndex> index)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(index);
        services.AddLogging();
        services.TryAddSingleton(_ => index());
        services.TryAddSingleton<FunctionInvoker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInputBinder, DurableClientBinder>());
        return services;
    }
}
