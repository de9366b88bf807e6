using System.Reflection;
using Fractal.LocalHost.Functions;
using Fractal.LocalHost.Management;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// Binds <c>[DurableClient]</c> in every function (HTTP, orchestration, activity, any trigger) as the Functions host
/// does: the worker's own per-binding client (<c>Microsoft.Azure.Functions.Worker.FunctionsDurableTaskClient</c>, internal
/// to Worker.Extensions.DurableTask, so created by reflection) around the host's <see cref="DurableTaskClient"/>, carrying
/// the management API's base URL and query (task hub, connection, system key), so that the worker's
/// <c>client.CreateHttpManagementPayload(instanceId)</c> builds the same URLs here as in Azure. The base URL is the
/// request's origin for an HTTP trigger, else the address this host listens on.
/// </summary>
internal sealed class DurableClientBinder : IFunctionInputBinder
{
    private static readonly ConstructorInfo? s_functionsClient = typeof(DurableClientAttribute).Assembly
        .GetType("Microsoft.Azure.Functions.Worker.FunctionsDurableTaskClient")
        ?.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        .FirstOrDefault(c => c.GetParameters() is [{ ParameterType: var inner }, { ParameterType: var query }, { ParameterType: var url }, ..]
            && inner == typeof(DurableTaskClient) && query == typeof(string) && url == typeof(string));

    private readonly IServiceProvider _services;

    public DurableClientBinder(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
    }

    public bool CanBind(FunctionParameterDescriptor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Binding is DurableClientAttribute;
    }

    public ValueTask<object?> BindAsync(FunctionParameterDescriptor parameter, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(context);
        if (!parameter.ParameterType.IsAssignableFrom(typeof(DurableTaskClient)))
        {
            throw new InvalidOperationException(
                $"The [DurableClient] parameter '{parameter.Name}' of the function '{context.FunctionDefinition.Name}' is a "
                + $"{parameter.ParameterType.Name}; it must be a DurableTaskClient.");
        }

        var request = context.GetHttpContext()?.Request;
        var baseUrl = request is null ? ListeningBaseUrl() : DurableTaskWebhook.BaseUrl(request);
        return ValueTask.FromResult<object?>(Create(HostClient(_services), baseUrl, Webhook().QueryString));
    }

    /// <summary>The host's own client (the engine's registration provides it).</summary>
    public static DurableTaskClient HostClient(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<DurableTaskClient>()
            ?? throw new InvalidOperationException("No DurableTaskClient is registered: the durable engine's registration (AddLocalDurableFunctions) must run before functions use [DurableClient].");
    }

    /// <summary>The client a <c>[DurableClient]</c> parameter receives: the worker's per-binding client around <paramref name="hostClient"/>.</summary>
    public static DurableTaskClient Create(DurableTaskClient hostClient, string httpBaseUrl, string queryString)
    {
        ArgumentNullException.ThrowIfNull(hostClient);
        if (s_functionsClient is null)
        {
            throw new InvalidOperationException(
                "Worker.Extensions.DurableTask no longer has FunctionsDurableTaskClient(DurableTaskClient, string, string, ...): the local host must follow its new binding shape.");
        }

        var arguments = new object?[s_functionsClient.GetParameters().Length];
        arguments[0] = hostClient;
        arguments[1] = queryString;
        arguments[2] = httpBaseUrl;
        return (DurableTaskClient)s_functionsClient.Invoke(arguments);
    }

    private DurableTaskWebhook Webhook() =>
        _services.GetService<DurableTaskWebhook>()
        ?? new DurableTaskWebhook(_services.GetRequiredService<IOptions<DurableTaskHostOptions>>().Value.HubName, systemKey: null);

    private string ListeningBaseUrl()
    {
        var address = _services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? (Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 } hostName ? $"http://{hostName}" : LocalFunctionsHostOptions.DefaultUrls);
        return address.TrimEnd('/') + DurableTaskWebhook.Path;
    }
}
