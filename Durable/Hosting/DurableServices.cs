using System.Globalization;
using Fractal.Durable.Backends;
using Fractal.Durable.Backends.AzureStorage;
using Fractal.Durable.Backends.InMemory;
using Fractal.Durable.Client;
using Fractal.Durable.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Hosting;

/// <summary>
/// Registers the durable runtime: the task hub's backend (Azure Storage when <c>AzureWebJobsStorage</c>
/// is set, memory otherwise), the functions' registry, a worker that runs with the host, and the client.
/// </summary>
internal static class DurableServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration, FunctionCatalog catalog, FunctionHostOptions hostOptions)
    {
        var options = DurableTaskOptions.FromConfiguration(configuration);
        services.AddSingleton(options);
        services.AddSingleton<InstanceStatusNotifier>();
        services.AddSingleton(_ => CreateBackend(configuration, options));
        services.AddSingleton(sp => DurableFunctionBindings.CreateRegistry(catalog, sp));
        services.AddSingleton(sp => new TaskHubWorker(
            sp.GetRequiredService<ITaskHubBackend>(),
            options,
            sp.GetRequiredService<DurableFunctionRegistry>(),
            sp.GetRequiredService<InstanceStatusNotifier>(),
            sp.GetRequiredService<ILoggerFactory>(),
            workerId: configuration["FRACTAL_WORKER_ID"]));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TaskHubWorker>());
        services.AddSingleton(sp => new DurableTaskClient(
            sp.GetRequiredService<ITaskHubBackend>(),
            sp.GetRequiredService<DurableFunctionRegistry>(),
            sp.GetRequiredService<InstanceStatusNotifier>(),
            hostOptions.HostKey));
    }

    private static ITaskHubBackend CreateBackend(IConfiguration configuration, DurableTaskOptions options)
    {
        var connection = configuration["AzureWebJobsStorage"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            return new InMemoryTaskHubBackend(options.HubName, options.PartitionCount);
        }

        var storage = configuration.GetSection($"{HostConfiguration.HostSection}:extensions:durableTask:storageProvider");
        var backendOptions = new AzureStorageBackendOptions { PartitionCount = options.PartitionCount };
        if (storage["partitionLeaseDuration"] is { } lease)
        {
            backendOptions = backendOptions with { LeaseDuration = TimeSpan.Parse(lease, CultureInfo.InvariantCulture) };
        }

        if (storage["workerTimeout"] is { } workerTimeout)
        {
            backendOptions = backendOptions with { WorkerTimeout = TimeSpan.Parse(workerTimeout, CultureInfo.InvariantCulture) };
        }

        return new AzureStorageTaskHubBackend(connection, options.HubName, backendOptions);
    }
}
