using Fractal.Durable.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Fractal.FunctionApp.Tests;

/// <summary>The Fractal function app on a free loopback port, configured for one test.</summary>
internal sealed class AppHost : IAsyncDisposable
{
    public const string Key = "app-test-key";

    private readonly FunctionHost _host;

    private AppHost(FunctionHost host, HttpClient client)
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
        ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = hubName,
    };

    public static string NewHubName() => "t" + Guid.NewGuid().ToString("N")[..20];

    public static async Task<AppHost> StartAsync(IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var builder = FunctionHostBuilder.Create(["--urls", "http://127.0.0.1:0"], AppContext.BaseDirectory);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FRACTAL_HOST_KEY"] = Key,
            ["AzureWebJobsStorage"] = null,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddFractal();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new AppHost(host, new HttpClient { BaseAddress = host.Addresses[0] });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
