using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace Fractal.LocalHost.Tests.Http;

/// <summary>An in-process local host over this test assembly's functions, on a free loopback port, with fixed keys and a mocked client.</summary>
internal sealed class HttpTestHost : IAsyncDisposable
{
    public const string FunctionKey = "function-key-for-tests";
    public const string MasterKey = "master-key-for-tests-0001";
    public const string SystemKey = "system-key-for-tests-0001";

    private readonly string _directory;

    private HttpTestHost(LocalFunctionsHost host, string directory, Mock<DurableTaskClient> client)
    {
        Host = host;
        _directory = directory;
        Client = client;
        Http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public LocalFunctionsHost Host { get; }

    public Mock<DurableTaskClient> Client { get; }

    public HttpClient Http { get; }

    public static async Task<HttpTestHost> StartAsync(string? hostJson = null, string? localSettings = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("localhost-http-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "host.json"), hostJson ?? """{ "version": "2.0", "extensions": { "durableTask": { "hubName": "HttpTestsHub" } } }""");
        if (localSettings is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "local.settings.json"), localSettings);
        }

        var all = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["FRACTAL_HOST_KEY"] = FunctionKey,
            ["FRACTAL_MASTER_KEY"] = MasterKey,
            ["FRACTAL_DURABLETASK_EXTENSION_KEY"] = SystemKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var client = new Mock<DurableTaskClient>(MockBehavior.Loose, "test");
        var host = LocalFunctionsHost.Create(new LocalFunctionsHostOptions
        {
            AppAssembly = typeof(HttpTestFunctions).Assembly,
            FunctionTypes = [typeof(HttpTestFunctions), typeof(Fractal.Samples.HelloSample)],
            AppDirectory = directory,
            Settings = all,
            ConfigureApp = (worker, _) => worker.UseMiddleware<RecordingMiddleware>(),
            ConfigureEngine = (services, _, _) => services.AddSingleton(client.Object),
        });
        await host.StartAsync();
        return new HttpTestHost(host, directory, client);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
