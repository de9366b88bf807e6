using Fractal.Durable.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.Durable.Tests.Hosting;

/// <summary>A function host on a free loopback port, with its own content root, for one test.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly FunctionHost _host;
    private readonly string _contentRoot;

    private RunningHost(FunctionHost host, string contentRoot, HttpClient client)
    {
        _host = host;
        _contentRoot = contentRoot;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<RunningHost> StartAsync(
        Type[] functionTypes,
        string? hostJson = null,
        IDictionary<string, string?>? settings = null,
        string[]? args = null,
        Action<IServiceCollection>? services = null)
    {
        var contentRoot = Directory.CreateTempSubdirectory("fractal-host-").FullName;
        if (hostJson is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(contentRoot, "host.json"), hostJson);
        }

        var builder = FunctionHostBuilder.Create(["--urls", "http://127.0.0.1:0", .. args ?? []], contentRoot);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        services?.Invoke(builder.Services);
        builder.AddFunctions(functionTypes);
        var host = builder.Build();
        await host.StartAsync();
        var client = new HttpClient { BaseAddress = host.Addresses[0] };
        return new RunningHost(host, contentRoot, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        Directory.Delete(_contentRoot, recursive: true);
    }
}
