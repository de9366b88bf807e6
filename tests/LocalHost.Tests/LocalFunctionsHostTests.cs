using Fractal.LocalHost.Tests.Support;
using Fractal.Samples;
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
}
