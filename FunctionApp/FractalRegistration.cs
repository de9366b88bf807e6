using System.Text.Json;
using Azure.Core.Serialization;
using Fractal.AzureConnections;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Sql;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Orchestrations;
using Fractal.FunctionApp.Settings;
using Fractal.FunctionApp.Storage;
using Fractal.FunctionApp.Tasks;
using Fractal.FunctionApp.Tasks.Events;
using Fractal.FunctionApp.Tasks.Models.LogIngest;
using Fractal.FunctionApp.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp;

/// <summary>
/// The app's registration, one method per feature, composed by <see cref="AddFractal"/>. <c>Program.cs</c> calls it
/// on the Functions application builder in Azure, and the local host calls it on its own worker builder, so that both
/// run the functions with the same services and middleware.
/// </summary>
public static class FractalRegistration
{
    /// <summary>Every feature of the app: web (problem details, health), storage, data, analytics, Fractalis, tasks and the instances API the page reads.</summary>
    /// <param name="builder">The worker application builder.</param>
    /// <param name="configuration">The app's settings (app settings, <c>host.json</c> under <c>AzureFunctionsJobHost</c>).</param>
    public static IFunctionsWorkerApplicationBuilder AddFractal(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        return builder
            .AddFractalTelemetry(configuration)
            .AddFractalWeb(configuration)
            .AddFractalData(configuration)
            .AddFractalAnalytics(configuration)
            .AddFractalis(configuration)
            .AddFractalTasks(configuration)
            .AddFractalInstances(configuration);
    }

    /// <summary>
    /// Telemetry with OpenTelemetry (<see cref="Telemetry.FractalTelemetryRegistration"/>): a span, log scope and
    /// metrics per invocation, exported as <see cref="Telemetry.TelemetryExport"/> says. Registered first: its middleware
    /// wraps every other.
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder AddFractalTelemetry(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration) =>
        Telemetry.FractalTelemetryRegistration.Add(builder, configuration);

    /// <summary>
    /// Errors as problem details (worker middleware), the worker's JSON serializer, and the storage probe of
    /// <c>/api/health</c>.
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder AddFractalWeb(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.UseMiddleware<ProblemDetailsMiddleware>();
        AddWebJson(builder.Services);
        AddStorageClients(builder.Services, configuration);
        builder.Services.TryAddSingleton(sp => new StorageHealthProbe(sp.GetService<StorageClientFactory>()));
        return builder;
    }

    /// <summary>
    /// Data loads (<c>/api/data</c>, <c>/api/handlers</c>): datasets, the ETL handlers (<see cref="EtlHandlerServiceCollectionExtensions.AddEtlHandlers"/>)
    /// and their settings, sealed source tokens, uploads, the fan-out bound.
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder AddFractalData(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        if (IsRegistered<DataLoads>(builder.Services))
        {
            return builder;
        }

        var services = AddStorage(builder.Services, configuration);
        services.AddEtlHandlers();
        services.AddSettings<EtlSettings>(configuration);
        services.AddSettings<SecretKeySettings>(configuration);
        AddFanOutSettings(services, configuration);
        services.TryAddSingleton<DatasetRepository>();
        services.TryAddSingleton<EtlHttpClient>();
        services.TryAddSingleton<SecretSealer>();
        services.TryAddSingleton<DataLoads>();
        services.TryAddSingleton<UploadStore>();
        return builder;
    }

    /// <summary>Analyses (<c>/api/analytics</c>): the registered definitions, argument checks and dataset reads, result and chart blobs, and their settings.</summary>
    public static IFunctionsWorkerApplicationBuilder AddFractalAnalytics(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        if (IsRegistered<AnalysisRuns>(builder.Services))
        {
            return builder;
        }

        var services = AddStorage(builder.Services, configuration);
        services.AddFractalAnalyses();
        services.AddSettings<AnalysisSettings>(configuration)
            .AtLeastOne(settings => settings.ChunkSize, AnalysisSettings.ChunkSizeSetting)
            .AtLeastOne(settings => settings.MaxFanOut, AnalysisSettings.MaxFanOutSetting);
        services.AddSettings<SqlSettings>(configuration)
            .AtLeastOne(settings => settings.MaxRows, SqlSettings.MaxRowsSetting)
            .AtLeastOne(settings => settings.TimeoutSeconds, SqlSettings.TimeoutSecondsSetting)
            .AtLeastOne(settings => settings.MemoryLimitMegabytes, SqlSettings.MemoryLimitSetting)
            .AtLeastOne(settings => settings.Threads, SqlSettings.ThreadsSetting);
        AddFanOutSettings(services, configuration);
        services.TryAddSingleton<AnalysisInputs>();
        services.TryAddSingleton<AnalysisResultStore>();
        services.TryAddSingleton<AnalysisRuns>();
        return builder;
    }

    /// <summary>
    /// Fractalis' REST contract (<c>/api/fractalis/…</c>): a thin adapter over the data loads and analysis runs, so it
    /// registers those. Its CORS is the platform's (<c>Host.CORS</c> and <c>Host.CORSCredentials</c> locally,
    /// <c>siteConfig.cors</c> in Azure).
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder AddFractalis(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration) =>
        builder.AddFractalData(configuration).AddFractalAnalytics(configuration);

    /// <summary>
    /// The instances admin API (<c>/api/instances</c>) the page reads: the seal of its continuation tokens. The page itself
    /// (<c>/api/ui/</c>) needs no service.
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder AddFractalInstances(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.TryAddSingleton(_ => new Instances.InstanceTokens(configuration));
        return builder;
    }

    /// <summary>
    /// Batch tasks (<c>/api/tasks</c>, <c>/api/models</c>, the task queue): the models, the allow-list
    /// <c>FRACTAL_ACCEPTED_MODELS</c> (options, checked at start), the intake, log sets and the completion events
    /// (<c>fractal.events</c> on the broker <c>RabbitMQConnection</c> names, or the log when it is unset).
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder AddFractalTasks(this IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.AddFractalData(configuration).Services;
        services.AddSettings<TaskSettings>(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaskSettings>, TaskSettingsValidator>());
        services.AddFractalTaskModels();
        services.TryAddSingleton<LogsetStore>();
        services.TryAddSingleton<TaskRuns>();
        services.TryAddSingleton<TaskIntake>();
        services.TryAddSingleton<ITaskEventPublisher>(provider =>
            configuration[TaskQueueFunction.ConnectionSetting] is { Length: > 0 } broker
                ? new RabbitMqTaskEventPublisher(broker)
                : ActivatorUtilities.CreateInstance<LoggedTaskEventPublisher>(provider));
        return builder;
    }

    /// <summary>The bound on a fan-out's parallel activities, shared by data loads and analyses (registered once).</summary>
    private static void AddFanOutSettings(IServiceCollection services, IConfiguration configuration)
    {
        if (!IsRegistered<IValidateOptions<FanOutSettings>>(services))
        {
            services.AddSettings<FanOutSettings>(configuration).AtLeastOne(settings => settings.MaxParallel, FanOutSettings.MaxParallelSetting);
        }
    }

    /// <summary>
    /// Orchestration inputs, outputs and custom status as JSON with the web defaults (camelCase, read without regard to
    /// case), in Azure and in the local host alike.
    /// </summary>
    private static void AddWebJson(IServiceCollection services) =>
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(JsonSerializerOptions.Web));

    /// <summary>Whether a feature's registration ran already (features register each other, as Fractalis does data and analytics).</summary>
    private static bool IsRegistered<TService>(IServiceCollection services) => services.Any(service => service.ServiceType == typeof(TService));

    /// <summary>The blob store (Azure Storage named by <c>AzureWebJobsStorage</c>, in memory when it is unset) and the clock.</summary>
    private static IServiceCollection AddStorage(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddStorageClients(services, configuration);
        services.TryAddSingleton<IBlobStore>(sp =>
            sp.GetService<StorageClientFactory>() is { } storage ? new AzureBlobStore(storage) : new InMemoryBlobStore());
        return services;
    }

    /// <summary>
    /// The clients of <c>AzureWebJobsStorage</c> when it is set: a connection string, or an identity-based connection
    /// (<c>AzureWebJobsStorage__accountName</c>, <c>__credential</c>, <c>__clientId</c>) as the Functions host reads it.
    /// </summary>
    private static void AddStorageClients(IServiceCollection services, IConfiguration configuration)
    {
        if (StorageClientFactory.FromConfiguration(configuration) is { } storage)
        {
            services.TryAddSingleton(storage);
        }
    }
}
