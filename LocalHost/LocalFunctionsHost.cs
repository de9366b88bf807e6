using System.Text;
using Fractal.LocalHost.Durable;
using Fractal.LocalHost.Functions;
using Fractal.LocalHost.Http;
using Fractal.LocalHost.Management;
using Fractal.LocalHost.RabbitMQ;
using Fractal.LocalHost.Settings;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Fractal.LocalHost;

/// <summary>
/// The stand-in for Functions Core Tools: serves a compiled isolated-worker app's HTTP triggers on Kestrel under
/// <c>host.json</c>'s route prefix with the host's keys and CORS, runs every invocation through the app's worker
/// middleware, and serves the Durable Functions management API. Usable in-process (tests) and as the exe.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalFunctionsHost(WebApplication app, HostKeys keys, IReadOnlyList<HttpFunction> functions, HttpHostOptions http)
    {
        _app = app;
        Keys = keys;
        HttpFunctions = functions;
        Http = http;
    }

    /// <summary>The keys the host checks.</summary>
    public HostKeys Keys { get; }

    /// <summary>The HTTP functions served.</summary>
    public IReadOnlyList<HttpFunction> HttpFunctions { get; }

    /// <summary>The HTTP settings in force.</summary>
    public HttpHostOptions Http { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The first address the host listens on, once started.</summary>
    public Uri BaseAddress =>
        new((_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The host is not listening yet.")).TrimEnd('/') + "/");

    /// <summary>Builds the host: reads and validates the settings, applies the app's and the engine's registrations.</summary>
    /// <exception cref="HostSettingException">A setting is unusable (the message names it).</exception>
    public static LocalFunctionsHost Create(LocalFunctionsHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var appDirectory = options.AppDirectory ?? Path.GetDirectoryName(options.AppAssembly.Location) ?? AppContext.BaseDirectory;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = appDirectory, ApplicationName = options.AppAssembly.GetName().Name });
        builder.Configuration.AddFunctionsHostSources(appDirectory);
        if (options.Settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(options.Settings);
        }

        var configuration = builder.Configuration;
        var http = HttpHostOptions.FromConfiguration(configuration);
        var cors = HostCorsOptions.FromConfiguration(configuration);
        var keys = HostKeys.Resolve(HostKeyOptions.FromConfiguration(configuration));
        var index = options.FunctionTypes is { } types ? FunctionIndex.FromTypes(types) : FunctionIndex.FromAssembly(options.AppAssembly);
        var functions = HttpFunction.FromIndex(index);
        var webhook = new DurableTaskWebhook(configuration[SettingNames.HubName] ?? "TestHubName", keys.DurableTaskExtensionKey);

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodySize);
        builder.WebHost.UseUrls((configuration[SettingNames.Urls] ?? LocalFunctionsHostOptions.DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries));
        builder.Logging.AddConfiguration(configuration.GetSection($"{SettingNames.HostJsonSection}:logging")).AddConsole();
        // A registration that cannot be built fails the start, not the first request that needs it.
        builder.Host.UseDefaultServiceProvider(provider => provider.ValidateOnBuild = true);
        builder.Services.Configure<HostOptions>(host =>
        {
            // The HTTP server drains while the durable worker hands its work back: a stop takes about a second.
            host.ShutdownTimeout = TimeSpan.FromSeconds(5);
            host.ServicesStopConcurrently = true;
        });
        builder.Services.AddRouting();
        builder.Services.AddProblemDetails();
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(http);
        builder.Services.AddSingleton(cors);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(webhook);
        builder.Services.AddCors(setup => setup.AddDefaultPolicy(policy => ApplyCors(policy, cors)));

        var worker = new WorkerApplicationBuilder(builder.Services);
        builder.Services.AddSingleton(worker);
        builder.Services.AddLocalFunctions(() => index);
        options.ConfigureApp?.Invoke(worker, configuration);
        if (options.ConfigureEngine is { } configureEngine)
        {
            configureEngine(builder.Services, configuration, options.AppAssembly);
        }
        else
        {
            builder.Services.AddLocalDurableFunctions(configuration, options.AppAssembly);
        }

        builder.Services.AddLocalRabbitMQTriggers(configuration);
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<HostErrorMiddleware>(http);
        app.UseStatusCodePages(WriteHostStatusAsync);
        app.UseRouting();
        if (cors.AllowedOrigins.Count > 0)
        {
            app.UseCors();
        }

        HttpFunctionEndpoints.Map(app, functions, http, keys);
        ManagementEndpoints.Map(app, keys, webhook, index);
        app.UseEndpoints(_ => { });
        app.Run(context => HostProblems.WriteAsync(context, StatusCodes.Status404NotFound, $"No function serves {context.Request.Method} {context.Request.Path}."));
        return new LocalFunctionsHost(app, keys, functions, http);
    }

    /// <summary>Starts listening and prints what is served, as <c>func start</c> does.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken);
        LogStart();
    }

    /// <summary>
    /// Stops in about two seconds: HTTP functions' cancellation token ends (their requests answer 503), activities in flight
    /// go back to the task hub's queue, the durable worker stops without waiting (5 s at most, the shutdown timeout).
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Starts, then runs until the process is asked to stop (SIGTERM, Ctrl+C).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        await _app.WaitForShutdownAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void ApplyCors(Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder policy, HostCorsOptions cors)
    {
        policy.AllowAnyHeader().AllowAnyMethod();
        if (cors.AllowsAnyOrigin)
        {
            policy.AllowAnyOrigin();
        }
        else
        {
            policy.WithOrigins([.. cors.AllowedOrigins]);
        }

        if (cors.SupportCredentials)
        {
            policy.AllowCredentials();
        }
    }

    private static Task WriteHostStatusAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (context.GetEndpoint()?.Metadata.GetMetadata<HttpFunction>() is not null)
        {
            return Task.CompletedTask;
        }

        var detail = context.Response.StatusCode switch
        {
            StatusCodes.Status405MethodNotAllowed => $"{context.Request.Path} does not accept {context.Request.Method}.",
            StatusCodes.Status404NotFound => $"No function serves {context.Request.Method} {context.Request.Path}.",
            _ => $"The host answered {context.Response.StatusCode}.",
        };
        return HostProblems.WriteAsync(context, context.Response.StatusCode, detail);
    }

    private void LogStart()
    {
        var logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fractal.LocalHost");
        var baseAddress = BaseAddress.ToString().TrimEnd('/');
        var lines = new StringBuilder();
        lines.AppendLine("Functions:");
        foreach (var function in HttpFunctions)
        {
            var methods = function.Methods.Count == 0 ? "ANY" : string.Join(',', function.Methods);
            lines.AppendLine($"    {function.Name}: [{methods}] {baseAddress}{function.Template(Http.RoutePrefix)} ({function.AuthLevel})");
        }

        lines.Append($"    Durable Functions management API: {baseAddress}{DurableTaskWebhook.Path}/instances (master or {HostKeys.DurableTaskExtensionKeyName} key)");
        logger.LogInformation("{Functions}", lines.ToString());
        if (Keys.FunctionKey is null)
        {
            logger.LogWarning("{Setting} is not set: function-level routes accept only the master key.", SettingNames.FunctionKey);
        }

        if (Keys.Generated)
        {
            logger.LogWarning(
                "Generated keys (set {Master} and {System}, or {SecretsPath} to keep them): master {MasterKey}, {SystemName} {SystemKey}",
                SettingNames.MasterKey, SettingNames.DurableTaskExtensionKey, SettingNames.SecretsPath, Keys.MasterKey, HostKeys.DurableTaskExtensionKeyName, Keys.DurableTaskExtensionKey);
        }
    }
}
