using DurableTask.AzureStorage;
using Fractal.LocalHost.Durable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Fractal.Bench.Engine;

/// <summary>
/// DTFx Azure Storage settings from the options the local host read, mapped by the local host's own factory, so that
/// the bare worker runs under exactly the local host's settings (on a hub and with a worker id of its own).
/// </summary>
internal static class BareSettings
{
    public static AzureStorageOrchestrationServiceSettings From(
        DurableTaskHostOptions options, string hubName, string connectionString, ILoggerFactory loggerFactory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [options.ConnectionName] = connectionString })
            .Build();
        var settings = AzureStorageSettingsFactory.Create(options, configuration, loggerFactory);
        settings.TaskHubName = hubName;
        settings.WorkerId += "-bare";
        return settings;
    }
}
