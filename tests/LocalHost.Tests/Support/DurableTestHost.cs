using DurableTask.AzureStorage;
using Fractal.LocalHost.Durable;
using Fractal.Samples;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fractal.LocalHost.Tests.Support;

/// <summary>
/// A generic host running the samples app's durable functions through <c>AddLocalDurableFunctions</c> on Azurite, on a
/// task hub of its own (deleted on dispose), with polling tuned for tests.
/// </summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    public const string StorageConnection = "UseDevelopmentStorage=true";

    private readonly IHost _host;

    private DurableTestHost(IHost host, string hubName)
    {
        _host = host;
        HubName = hubName;
    }

    public string HubName { get; }

    public IServiceProvider Services => _host.Services;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>A fresh hub name (letters and digits, as Azure Storage asks).</summary>
    public static string NewHubName() => $"t{Guid.NewGuid():N}"[..20];

    /// <summary>The settings tests use: a unique hub, short polling, short visibility timeouts, extended sessions.</summary>
    public static Dictionary<string, string?> TestSettings(string hubName) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage"] = StorageConnection,
        [$"{DurableTaskSettingNames.ConfigurationSection}:hubName"] = hubName,
        [$"{DurableTaskSettingNames.ConfigurationSection}:storageProvider:partitionCount"] = "2",
        [$"{DurableTaskSettingNames.ConfigurationSection}:storageProvider:maxQueuePollingInterval"] = "00:00:00.250",
        [$"{DurableTaskSettingNames.ConfigurationSection}:storageProvider:controlQueueVisibilityTimeout"] = "00:00:30",
        [$"{DurableTaskSettingNames.ConfigurationSection}:storageProvider:workItemQueueVisibilityTimeout"] = "00:00:30",
        [$"{DurableTaskSettingNames.ConfigurationSection}:extendedSessionsEnabled"] = "true",
    };

    /// <summary>Builds (without starting) a host over <paramref name="settings"/>.</summary>
    public static IHost Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddLocalDurableFunctions(builder.Configuration, typeof(HelloSample).Assembly);
        return builder.Build();
    }

    /// <summary>Starts a host on a new task hub.</summary>
    public static async Task<DurableTestHost> StartAsync(Action<Dictionary<string, string?>>? adjust = null)
    {
        var hubName = NewHubName();
        var settings = TestSettings(hubName);
        adjust?.Invoke(settings);
        var host = Build(settings);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new DurableTestHost(host, hubName);
    }

    /// <summary>Runs <paramref name="orchestrator"/> to its end and returns its final metadata (with inputs and outputs).</summary>
    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input = null, TimeSpan? timeout = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input);
        return await WaitForCompletionAsync(id, timeout);
    }

    /// <summary>Waits for <paramref name="instanceId"/> to end, failing the test after <paramref name="timeout"/> (default one minute).</summary>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the instance's metadata, or fails after <paramref name="timeout"/>.</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(
        string instanceId, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
            if (metadata is not null && condition(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, deadline.Token);
            delay = TimeSpan.FromMilliseconds(Math.Min(250, delay.TotalMilliseconds * 2));
        }
    }

    public async ValueTask DisposeAsync()
    {
        var service = _host.Services.GetRequiredService<AzureStorageOrchestrationService>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            await service.DeleteAsync();
            _host.Dispose();
        }
    }
}
