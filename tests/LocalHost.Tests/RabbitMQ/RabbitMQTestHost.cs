using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Fractal.LocalHost.Tests.RabbitMQ;

/// <summary>An in-process local host serving <see cref="RabbitMQTestFunctions"/> on a queue of the test's own, and a channel to that queue.</summary>
internal sealed class RabbitMQTestHost : IAsyncDisposable
{
    private readonly string _directory;

    private RabbitMQTestHost(LocalFunctionsHost host, string directory)
    {
        Host = host;
        _directory = directory;
    }

    public static string Broker => Environment.GetEnvironmentVariable("RabbitMQConnection") is { Length: > 0 } value ? value : "amqp://guest:guest@127.0.0.1:5672/";

    public LocalFunctionsHost Host { get; }

    public static string NewQueue() => "localhost-test-" + Guid.NewGuid().ToString("N")[..12];

    public static LocalFunctionsHost Create(string queue, int prefetch, string directory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        File.WriteAllText(Path.Combine(directory, "host.json"), $$"""{ "version": "2.0", "extensions": { "rabbitMQ": { "prefetchCount": {{prefetch}} } } }""");
        var all = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["TEST_QUEUE"] = queue, ["TestBroker"] = Broker };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var client = new Mock<DurableTaskClient>(MockBehavior.Loose, "test");
        return LocalFunctionsHost.Create(new LocalFunctionsHostOptions
        {
            AppAssembly = typeof(RabbitMQTestFunctions).Assembly,
            FunctionTypes = [typeof(RabbitMQTestFunctions)],
            AppDirectory = directory,
            Settings = all,
            ConfigureEngine = (services, _, _) => services.AddSingleton(client.Object),
        });
    }

    public static async Task<RabbitMQTestHost> StartAsync(string queue, int prefetch = 4)
    {
        var directory = Directory.CreateTempSubdirectory("localhost-rabbitmq-").FullName;
        var host = Create(queue, prefetch, directory);
        await host.StartAsync();
        return new RabbitMQTestHost(host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Host.StopAsync(timeout.Token);
        await Host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
