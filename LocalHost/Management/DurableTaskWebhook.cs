namespace Fractal.LocalHost.Management;

/// <summary>
/// Where the Durable Functions management API lives and what every URL to it carries, as the Durable
/// extension builds them: <c>{origin}/runtime/webhooks/durabletask</c> and
/// <c>taskHub={hub}&amp;connection={connection}&amp;code={system key}</c>.
/// </summary>
public sealed class DurableTaskWebhook
{
    /// <summary>The path of the management API.</summary>
    public const string Path = "/runtime/webhooks/durabletask";

    /// <summary>The Durable extension's default connection name (<c>AzureWebJobsStorage</c>).</summary>
    public const string DefaultConnectionName = "Storage";

    /// <summary>Creates the webhook description for <paramref name="taskHub"/>, signed with <paramref name="systemKey"/> (none: no <c>code</c>).</summary>
    public DurableTaskWebhook(string taskHub, string? systemKey, string connectionName = DefaultConnectionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskHub);
        TaskHub = taskHub;
        QueryString = $"taskHub={Uri.EscapeDataString(taskHub)}&connection={Uri.EscapeDataString(connectionName)}"
            + (string.IsNullOrEmpty(systemKey) ? string.Empty : $"&code={Uri.EscapeDataString(systemKey)}");
    }

    /// <summary>The task hub served.</summary>
    public string TaskHub { get; }

    /// <summary>The query every management URL carries, without <c>?</c>.</summary>
    public string QueryString { get; }

    /// <summary>The API's base URL as seen by the caller of <paramref name="request"/>.</summary>
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{Path}";
    }
}
