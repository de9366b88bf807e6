using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>Registers analyses: each definition once, and the registry over all of them.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TDefinition"/> to the analyses the app runs.</summary>
    public static IServiceCollection AddAnalysis<TDefinition>(this IServiceCollection services)
        where TDefinition : class, IAnalysisDefinition
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalysisDefinition, TDefinition>());
        services.TryAddSingleton<AnalysisRegistry>();
        return services;
    }
}
