using System.Reflection;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Http;

/// <summary>
/// Binds <c>[DurableClient]</c> as the Functions host does: the worker's own per-binding client
/// (<c>Microsoft.Azure.Functions.Worker.FunctionsDurableTaskClient</c>) around the host's client, carrying the
/// management API's base URL and query (system key included), so that the worker's
/// <c>CreateHttpManagementPayload(instanceId)</c> builds the same URLs here as in Azure.
/// </summary>
internal static class DurableClientBinding
{
    private static readonly ConstructorInfo? s_functionsClient = typeof(Microsoft.Azure.Functions.Worker.DurableClientAttribute).Assembly
        .GetType("Microsoft.Azure.Functions.Worker.FunctionsDurableTaskClient")
        ?.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        .FirstOrDefault(c => c.GetParameters() is [{ ParameterType: var inner }, { ParameterType: var query }, { ParameterType: var url }, ..]
            && inner == typeof(DurableTaskClient) && query == typeof(string) && url == typeof(string));

    /// <summary>The host's client, registered by the durable engine's registration.</summary>
    public static DurableTaskClient HostClient(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<DurableTaskClient>()
            ?? services.GetService<IDurableTaskClientProvider>()?.GetClient()
            ?? throw new InvalidOperationException("No DurableTaskClient is registered: the durable engine's registration must run before HTTP functions use [DurableClient].");
    }

    /// <summary>The client a <c>[DurableClient]</c> parameter receives.</summary>
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
}
