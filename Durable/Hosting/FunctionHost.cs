using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Hosting;

/// <summary>Serves discovered functions over HTTP, as <c>func start</c> does.</summary>
public sealed class FunctionHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FunctionCatalog _catalog;
    private readonly FunctionHostOptions _options;

    internal FunctionHost(WebApplication app, FunctionCatalog catalog, FunctionHostOptions options)
    {
        _app = app;
        _catalog = catalog;
        _options = options;
        ConfigurePipeline();
    }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The addresses the host listens on, once started.</summary>
    public IReadOnlyList<Uri> Addresses =>
        [.. (_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a))];

    /// <summary>Starts listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken);
        LogFunctions();
    }

    /// <summary>Stops listening and lets requests in flight finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Starts and runs until the process is asked to stop.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        await _app.WaitForShutdownAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void ConfigurePipeline()
    {
        _app.UseMiddleware<ProblemDetailsMiddleware>();
        _app.UseStatusCodePages();
        _app.UseRouting();
        _app.UseCors();
        _app.Use(RejectOversizedBodies);
        HttpFunctionEndpoints.Map(_app, _catalog, _options, _app.Configuration);
        Management.ManagementEndpoints.Map(_app, _options);
        _app.MapFallback("{*path}", context => Problems.WriteAsync(
            context, StatusCodes.Status404NotFound, $"No function serves {context.Request.Method} {context.Request.Path}."));
    }

    private Task RejectOversizedBodies(HttpContext context, RequestDelegate next) =>
        context.Request.ContentLength > _options.MaxRequestBodySize
            ? Problems.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body is {context.Request.ContentLength} bytes; this host accepts at most {_options.MaxRequestBodySize}.", "body")
            : next(context);

    private void LogFunctions()
    {
        var logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fractal.Host");
        if (_options.HostKey is null)
        {
            logger.LogWarning("FRACTAL_HOST_KEY is not set: every function-level route will answer 401.");
        }

        var addresses = Addresses;
        var baseAddress = addresses.Count > 0 ? addresses[0].ToString().TrimEnd('/') : string.Empty;
        foreach (var function in _catalog.HttpFunctions.OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            var methods = function.Methods.Count == 0 ? "ANY" : string.Join(',', function.Methods);
            var url = baseAddress + function.Template(_options, _app.Configuration);
            logger.LogInformation("{Function}: [{Methods}] {Url}", function.Function.Name, methods, url);
        }
    }
}
