using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Hosting;

/// <summary>
/// Builds a <see cref="FunctionHost"/>: configuration layered as the Functions host layers it, the
/// functions found in the given assemblies, and the app's own services.
/// </summary>
public sealed class FunctionHostBuilder
{
    /// <summary>Where the host listens when neither <c>ASPNETCORE_URLS</c> nor <c>--urls</c> says.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    private readonly WebApplicationBuilder _builder;
    private readonly List<Type> _functionTypes = [];

    private FunctionHostBuilder(WebApplicationBuilder builder)
    {
        _builder = builder;
    }

    /// <summary>The app's services; register what the functions need here.</summary>
    public IServiceCollection Services => _builder.Services;

    /// <summary>The layered configuration; tests may add sources on top.</summary>
    public ConfigurationManager Configuration => _builder.Configuration;

    /// <summary>The logging set-up.</summary>
    public ILoggingBuilder Logging => _builder.Logging;

    /// <summary>Starts a builder whose settings come from <paramref name="contentRoot"/> (the app's output folder by default).</summary>
    /// <param name="args">Command-line arguments; they override every other source.</param>
    /// <param name="contentRoot">Where <c>host.json</c> and <c>local.settings.json</c> are read from.</param>
    public static FunctionHostBuilder Create(string[] args, string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(args);

        var root = contentRoot ?? AppContext.BaseDirectory;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddFunctionsHostSources(root, args);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        else if (builder.Configuration["ASPNETCORE_URLS"] is { Length: > 0 } urls)
        {
            builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
        }

        builder.Logging.AddConfiguration(builder.Configuration.GetSection($"{HostConfiguration.HostSection}:logging"));
        return new FunctionHostBuilder(builder);
    }

    /// <summary>Serves the <c>[Function]</c> methods of every type in <paramref name="assembly"/>.</summary>
    public FunctionHostBuilder AddFunctions(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _functionTypes.AddRange(assembly.GetTypes());
        return this;
    }

    /// <summary>Serves the <c>[Function]</c> methods of the given types.</summary>
    public FunctionHostBuilder AddFunctions(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        _functionTypes.AddRange(types);
        return this;
    }

    /// <summary>Discovers the functions, applies the host settings and builds the host.</summary>
    public FunctionHost Build()
    {
        var options = FunctionHostOptions.FromConfiguration(_builder.Configuration);
        var catalog = FunctionCatalog.Discover(_functionTypes);
        _builder.Services.AddSingleton(options);
        _builder.Services.AddSingleton(catalog);
        _builder.Services.AddSingleton<StorageHealthProbe>();
        DurableServices.Add(_builder.Services, _builder.Configuration, catalog, options);
        _builder.Services.AddProblemDetails();
        _builder.Services.AddCors();
        _builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize);

        var app = _builder.Build();
        return new FunctionHost(app, catalog, options);
    }
}
