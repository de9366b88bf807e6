using DurableTask.AzureStorage;
using DurableTask.Core;
using Fractal.LocalHost;
using Fractal.LocalHost.Durable;
using Fractal.Samples;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fractal.Bench.Engine;

/// <summary>
/// The local host in this process (<see cref="LocalFunctionsHost"/>, as the exe composes it) serving the samples app
/// on a task hub of its own; orchestrations start through the <see cref="DurableTaskClient"/> that
/// <c>[DurableClient]</c> binds.
/// </summary>
internal sealed class LocalHostTarget : IBenchTarget
{
    private readonly LocalFunctionsHost _host;
    private readonly DurableTaskClient _client;

    private LocalHostTarget(LocalFunctionsHost host)
    {
        _host = host;
        _client = host.Services.GetRequiredService<DurableTaskClient>();
        Store = host.Services.GetRequiredService<IOrchestrationServiceClient>();
        Options = host.Services.GetRequiredService<IOptions<DurableTaskHostOptions>>().Value;
    }

    public string Label => "local host";

    public IOrchestrationServiceClient Store { get; }

    /// <summary>The <c>extensions.durableTask</c> options the host read and validated.</summary>
    public DurableTaskHostOptions Options { get; }

    public static async Task<LocalHostTarget> StartAsync(EngineProfile profile, string connectionString, CancellationToken cancellationToken)
    {
        const string Section = "AzureFunctionsJobHost:extensions:durableTask:";
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["FRACTAL_HOST_KEY"] = "bench-function-key",
            ["FRACTAL_MASTER_KEY"] = "bench-master-key",
            ["FRACTAL_DURABLETASK_EXTENSION_KEY"] = "bench-system-key",
            ["AzureFunctionsJobHost:logging:LogLevel:Default"] = "Warning",
            [Section + "hubName"] = HubNames.New("benchlocal"),
        };
        foreach (var (key, value) in profile.DurableTask)
        {
            settings[Section + key] = value;
        }

        var host = LocalFunctionsHost.Create(new LocalFunctionsHostOptions { AppAssembly = typeof(HelloSample).Assembly, Settings = settings });
        try
        {
            await host.StartAsync(cancellationToken);
            return new LocalHostTarget(host);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public Task<string> StartHelloAsync(CancellationToken cancellationToken) =>
        _client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloSample.HelloCities), cancellationToken);

    public Task<string> StartFanOutAsync(int count, CancellationToken cancellationToken) =>
        _client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutSample.FanOut), count, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        var service = _host.Services.GetRequiredService<AzureStorageOrchestrationService>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            await service.DeleteAsync();
            await _host.DisposeAsync();
        }
    }
}
