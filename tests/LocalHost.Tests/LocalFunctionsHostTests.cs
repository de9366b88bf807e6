using Fractal.LocalHost.Tests.Support;
using Fractal.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Tests;

public sealed class LocalFunctionsHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("localhost-start-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StartAsync_HostJsonDurableTaskValueOfTheWrongType_FailsNamingTheSetting()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "host.json"),
            """{ "version": "2.0", "extensions": { "durableTask": { "hubName": "StartFailsHub", "storageProvider": { "maxQueuePollingInterval": "soon" } } } }""");
        await using var host = LocalFunctionsHost.Create(new LocalFunctionsHostOptions
        {
            AppAssembly = typeof(HelloSample).Assembly,
            AppDirectory = _directory,
            Settings = new Dictionary<string, string?>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = DurableTestHost.StorageConnection,
            },
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("extensions:durableTask:storageProvider:maxQueuePollingInterval", error.Message, StringComparison.Ordinal);
        Assert.Contains("soon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AppServiceWhoseDependencyIsNotRegistered_FailsNamingBoth()
    {
        var error = Assert.Throws<AggregateException>(() => LocalFunctionsHost.Create(new LocalFunctionsHostOptions
        {
            AppAssembly = typeof(HelloSample).Assembly,
            AppDirectory = _directory,
            Settings = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
            ConfigureApp = (worker, _) => worker.Services.AddSingleton<NeedsAnUnregisteredService>(),
            ConfigureEngine = (_, _, _) => { },
        }));

        Assert.Contains(nameof(NeedsAnUnregisteredService), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(UnregisteredService), error.Message, StringComparison.Ordinal);
    }

    private sealed class UnregisteredService;

    private sealed class NeedsAnUnregisteredService(UnregisteredService dependency)
    {
        public UnregisteredService Dependency { get; } = dependency;
    }
}
