using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost;

/// <summary>What the local host runs and how: the app's assembly, its folder and its registration.</summary>
public sealed class LocalFunctionsHostOptions
{
    /// <summary>The default address, as <c>func start</c> uses.</summary>
    public const string DefaultUrls = "http://127.0.0.1:7071";

    /// <summary>The compiled isolated-worker app whose functions are served.</summary>
    public required Assembly AppAssembly { get; init; }

    /// <summary>Limits the functions served to those these types declare (tests); all of <see cref="AppAssembly"/>'s by default.</summary>
    public IReadOnlyList<Type>? FunctionTypes { get; init; }

    /// <summary>The folder holding the app's <c>host.json</c> and <c>local.settings.json</c>; the assembly's folder by default.</summary>
    public string? AppDirectory { get; init; }

    /// <summary>
    /// The app's own registration method, called as <c>Program.cs</c> calls it in Azure: services and
    /// <c>UseMiddleware&lt;T&gt;()</c> on the worker builder, with the app's configuration.
    /// </summary>
    public Action<IFunctionsWorkerApplicationBuilder, Microsoft.Extensions.Configuration.IConfiguration>? ConfigureApp { get; init; }

    /// <summary>
    /// Registers the durable engine and its <c>DurableTaskClient</c>; by default <c>AddLocalDurableFunctions</c>
    /// (DTFx over Azure Storage). Tests may replace it.
    /// </summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration, Assembly>? ConfigureEngine { get; init; }

    /// <summary>Settings laid over every other source (tests); a <c>null</c> value removes a setting.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>Extra host services, registered after the app's (tests).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
