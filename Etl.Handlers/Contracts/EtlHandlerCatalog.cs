using Fractal.Etl.Handlers.Csv;
using Fractal.Etl.Handlers.Demo;
using Fractal.Etl.Handlers.Elasticsearch;
using Fractal.Etl.Handlers.Json;
using Fractal.Etl.Handlers.Portal;
using Fractal.Etl.Handlers.Postgres;

namespace Fractal.Etl.Handlers;

/// <summary>The built-in handlers: csv, json, demo, postgres, elasticsearch and portal.</summary>
public static class EtlHandlerCatalog
{
    /// <summary>One instance of each built-in handler (they hold no state).</summary>
    public static IReadOnlyList<IEtlHandler> CreateAll() =>
        [new CsvHandler(), new JsonHandler(), new DemoHandler(), new PostgresHandler(), new ElasticsearchHandler(), new PortalHandler()];

    /// <summary>A registry of the built-in handlers, of which those allow-listed in <paramref name="settings"/> run.</summary>
    public static EtlHandlerRegistry CreateRegistry(EtlSettings settings) => new(CreateAll(), settings);
}
