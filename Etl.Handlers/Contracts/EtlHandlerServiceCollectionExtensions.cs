using Fractal.Etl.Handlers.Csv;
using Fractal.Etl.Handlers.Demo;
using Fractal.Etl.Handlers.Elasticsearch;
using Fractal.Etl.Handlers.Json;
using Fractal.Etl.Handlers.Portal;
using Fractal.Etl.Handlers.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fractal.Etl.Handlers;

/// <summary>Registers ETL handlers: one call per handler, and the list of the shipped ones.</summary>
public static class EtlHandlerServiceCollectionExtensions
{
    /// <summary>Every shipped handler, the <see cref="EtlHandlerRegistry"/> and the check of <see cref="EtlSettings"/>.</summary>
    public static IServiceCollection AddEtlHandlers(this IServiceCollection services) => services
        .AddEtlHandler<CsvHandler>()
        .AddEtlHandler<JsonHandler>()
        .AddEtlHandler<DemoHandler>()
        .AddEtlHandler<PostgresHandler>()
        .AddEtlHandler<ElasticsearchHandler>()
        .AddEtlHandler<PortalHandler>();

    /// <summary>
    /// One handler (a singleton: handlers hold no state), with the registry that finds it by name and the check that
    /// <c>FRACTAL_ETL_HANDLERS</c> names only registered handlers. It runs once the allow-list names it.
    /// </summary>
    public static IServiceCollection AddEtlHandler<THandler>(this IServiceCollection services)
        where THandler : class, IEtlHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEtlHandler, THandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EtlSettings>, EtlSettingsValidator>());
        services.TryAddSingleton<EtlHandlerRegistry>();
        return services;
    }
}
