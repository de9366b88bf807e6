using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>Registers task models: each once, and the registry over all of them.</summary>
public static class TaskModelServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TModel"/> to the models the app ships.</summary>
    public static IServiceCollection AddTaskModel<TModel>(this IServiceCollection services)
        where TModel : class, ITaskModel
    {
        ArgumentNullException.ThrowIfNull(services);
        // The model by its own type too, so that a chained model can take the models it chains.
        services.TryAddSingleton<TModel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITaskModel, TModel>(provider => provider.GetRequiredService<TModel>()));
        services.TryAddSingleton<TaskModelRegistry>();
        return services;
    }
}
