using DurableTask.AzureStorage;
using Fractal.LocalHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fractal.FunctionApp.Tests;

/// <summary>
/// The Fractal function app served in-process by the local host (<see cref="LocalFunctionsHost"/>) on a free loopback
/// port, with the same registration <c>Program.cs</c> uses, its durable work on a task hub of its own over Azurite
/// (deleted on dispose), and polling tuned for tests.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    /// <summary>The function key (<c>FRACTAL_HOST_KEY</c>).</summary>
    public const string Key = "app-test-key";

    /// <summary>The master key: the management API takes it or the system key, never the function key.</summary>
    public const string MasterKey = "app-test-master-key";

    /// <summary>The <c>durabletask_extension</c> system key the status URLs carry.</summary>
    public const string SystemKey = "app-test-system-key";

    private const string DurableTask = "AzureFunctionsJobHost:extensions:durableTask:";

    private readonly LocalFunctionsHost _host;

    private AppHost(LocalFunctionsHost host, HttpClient client)
    {
        _host = host;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The host's services (its endpoints, its durable client).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The Azure Storage connection for tests: <c>AzureWebJobsStorage</c> from the environment, or Azurite.</summary>
    public static string StorageConnection =>
        Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";

    /// <summary>Settings for a host on Azurite with a task hub of its own.</summary>
    public static Dictionary<string, string?> OnAzurite(string hubName) => new()
    {
        ["AzureWebJobsStorage"] = StorageConnection,
        [DurableTask + "hubName"] = hubName,
    };

    public static string NewHubName() => "t" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>
    /// The durable engine's settings for tests: short polling and visibility timeouts, two partitions, extended sessions,
    /// a hub of its own unless <paramref name="settings"/> names one.
    /// </summary>
    public static Dictionary<string, string?> TestSettings(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["FRACTAL_HOST_KEY"] = Key,
            ["FRACTAL_MASTER_KEY"] = MasterKey,
            ["FRACTAL_DURABLETASK_EXTENSION_KEY"] = SystemKey,
            ["AzureWebJobsStorage"] = StorageConnection,
            [DurableTask + "hubName"] = NewHubName(),
            [DurableTask + "storageProvider:partitionCount"] = "2",
            [DurableTask + "storageProvider:maxQueuePollingInterval"] = "00:00:00.250",
            [DurableTask + "storageProvider:controlQueueVisibilityTimeout"] = "00:00:30",
            [DurableTask + "storageProvider:workItemQueueVisibilityTimeout"] = "00:00:30",
            [DurableTask + "extendedSessionsEnabled"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    /// <param name="settings">Settings over <see cref="TestSettings"/>.</param>
    /// <param name="logs">A provider that receives every log.</param>
    /// <param name="services">Registrations applied after the app's (a replacement wins).</param>
    public static async Task<AppHost> StartAsync(
        IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        var host = LocalFunctionsHost.Create(new LocalFunctionsHostOptions
        {
            AppAssembly = typeof(FractalRegistration).Assembly,
            AppDirectory = AppContext.BaseDirectory,
            Settings = TestSettings(settings),
            ConfigureApp = (builder, configuration) => builder.AddFractal(configuration),
            ConfigureServices = all =>
            {
                if (logs is not null)
                {
                    all.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
                }

                services?.Invoke(all);
            },
        });
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            await DeleteHubAsync(host);
            await host.DisposeAsync();
            throw;
        }

        return new AppHost(host, new HttpClient { BaseAddress = host.BaseAddress });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            await DeleteHubAsync(_host);
            await _host.DisposeAsync();
        }
    }

    private static async Task DeleteHubAsync(LocalFunctionsHost host)
    {
        if (host.Services.GetService<AzureStorageOrchestrationService>() is { } service)
        {
            await service.DeleteAsync();
        }
    }
}
