using System.Reflection;
using System.Text.Json;
using Azure.Core.Serialization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Fractal.LocalHost.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Durable;

/// <summary>Registers the local Durable Functions runtime.</summary>
public static class DurableFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app's functions (<see cref="FunctionIndex"/>, unless the host registered one, and
    /// <see cref="FunctionInvoker"/>), the <c>extensions.durableTask</c> options (validated at start), DTFx's Azure Storage
    /// orchestration service, the host's <see cref="DurableTaskClient"/> (which <c>[DurableClient]</c> parameters receive
    /// wrapped in the worker's per-binding client), the <see cref="RunningActivities"/> they share (a purge cancels the
    /// instance's activities running here), and the <see cref="DurableFunctionsRuntime"/> that runs orchestrators and
    /// activities.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration: <c>host.json</c> under <c>AzureFunctionsJobHost</c>, app settings at the top.</param>
    /// <param name="appAssembly">The compiled Functions app.</param>
    public static IServiceCollection AddLocalDurableFunctions(
        this IServiceCollection services, IConfiguration configuration, Assembly appAssembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(appAssembly);

        return services
            .AddLocalFunctions(() => FunctionIndex.FromAssembly(appAssembly))
            .AddDurableTaskHostOptions(configuration)
            .AddFunctionsDataConverter()
            .AddAzureStorageOrchestrationService(configuration)
            .AddLocalDurableTaskClient()
            .AddDurableFunctionsRuntime();
    }

    /// <summary><c>extensions.durableTask</c> of <c>host.json</c> as <see cref="DurableTaskHostOptions"/>, validated at start.</summary>
    private static IServiceCollection AddDurableTaskHostOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DurableTaskHostOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<DurableTaskHostOptions>>(new DurableTaskHostOptionsSetup(configuration));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableTaskHostOptions>, DurableTaskHostOptionsValidator>());
        return services;
    }

    /// <summary>
    /// The converter of inputs, outputs and custom status: the app's worker serializer, else the worker's defaults
    /// (System.Text.Json, property names read without regard to case).
    /// </summary>
    private static IServiceCollection AddFunctionsDataConverter(this IServiceCollection services)
    {
        services.AddOptions<JsonSerializerOptions>().Configure(o => o.PropertyNameCaseInsensitive = true);
        services.TryAddSingleton<DataConverter>(sp => new FunctionsDataConverter(
            sp.GetService<IOptions<WorkerOptions>>()?.Value.Serializer
            ?? new JsonObjectSerializer(sp.GetRequiredService<IOptions<JsonSerializerOptions>>().Value)));
        return services;
    }

    /// <summary>DTFx's Azure Storage orchestration service over the connection and task hub the options name.</summary>
    private static IServiceCollection AddAzureStorageOrchestrationService(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp => new AzureStorageOrchestrationService(AzureStorageSettingsFactory.Create(
            sp.GetRequiredService<IOptions<DurableTaskHostOptions>>().Value, configuration, sp.GetRequiredService<ILoggerFactory>())));
        services.TryAddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        return services;
    }

    /// <summary>The host's <see cref="DurableTaskClient"/> on the task hub, which <c>[DurableClient]</c> parameters receive.</summary>
    private static IServiceCollection AddLocalDurableTaskClient(this IServiceCollection services)
    {
        services.TryAddSingleton<RunningActivities>();
        services.TryAddSingleton(sp => new LocalDurableTaskClient(
            sp.GetRequiredService<IOptions<DurableTaskHostOptions>>().Value.HubName,
            sp.GetRequiredService<IOrchestrationServiceClient>(),
            sp.GetRequiredService<DataConverter>(),
            sp.GetRequiredService<RunningActivities>()));
        services.TryAddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<LocalDurableTaskClient>());
        return services;
    }

    /// <summary>The <see cref="DurableFunctionsRuntime"/> that runs orchestrators and activities, as a hosted service.</summary>
    private static IServiceCollection AddDurableFunctionsRuntime(this IServiceCollection services)
    {
        services.TryAddSingleton<DurableFunctionsRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableFunctionsRuntime>());
        return services;
    }
}
