using Fractal.Durable.Hosting;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Sql;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Orchestrations;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp;

/// <summary>The app's functions and the services they need; used by <c>Program</c> and by tests that host the app.</summary>
public static class AppServices
{
    public static FunctionHostBuilder AddFractal(this FunctionHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddFunctions(typeof(AppServices).Assembly);
        builder.Services.AddSingleton<IBlobStore>(sp =>
        {
            var storage = sp.GetRequiredService<IConfiguration>()["AzureWebJobsStorage"];
            return string.IsNullOrWhiteSpace(storage) ? new InMemoryBlobStore() : new AzureBlobStore(storage);
        });
        builder.Services.AddSingleton<DatasetRepository>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new EtlSettings(sp.GetRequiredService<IConfiguration>().GetValue<string>));
        builder.Services.AddSingleton(sp => EtlHandlerCatalog.CreateRegistry(sp.GetRequiredService<EtlSettings>()));
        builder.Services.AddSingleton<EtlHttpClient>();
        builder.Services.AddSingleton<SecretSealer>();
        builder.Services.AddSingleton<DataLoads>();
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton(sp => FanOutSettings.From(sp.GetRequiredService<IConfiguration>()));

        // Analytics (FunctionApp/Analytics): argument checks and dataset reads, result and chart blobs.
        builder.Services.AddSingleton<AnalysisInputs>();
        builder.Services.AddSingleton<AnalysisResultStore>();
        builder.Services.AddSingleton<AnalysisRuns>();
        builder.Services.AddSingleton(sp => AnalysisSettings.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => SqlSettings.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IConfiguration>((cors, settings) => Fractalis.FractalisCors.AddPolicy(cors, settings[Fractalis.FractalisCors.OriginsSetting]));
        // End of analytics.
        return builder;
    }
}
