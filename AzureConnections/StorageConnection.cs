namespace Fractal.AzureConnections;

/// <summary>
/// A storage connection as the Functions host reads one from its settings: a connection string in the setting itself
/// (<c>AzureWebJobsStorage</c>), or an identity-based connection under it (<c>AzureWebJobsStorage__accountName</c>,
/// or <c>__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, with <c>__credential</c> and
/// <c>__clientId</c>). A connection string wins when both are set, as in the host.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The Functions host's storage connection setting.</summary>
    public const string DefaultName = "AzureWebJobsStorage";

    /// <summary>The public cloud's storage endpoint suffix, used with <c>__accountName</c>.</summary>
    public const string DefaultEndpointSuffix = "core.windows.net";

    private StorageConnection(string name, string? connectionString, StorageServiceUris? serviceUris, AzureCredentialSettings? credential)
    {
        Name = name;
        ConnectionString = connectionString;
        ServiceUris = serviceUris;
        Credential = credential;
    }

    /// <summary>The setting the connection was read from (<c>AzureWebJobsStorage</c>).</summary>
    public string Name { get; }

    /// <summary>The connection string (shared key, SAS or <c>UseDevelopmentStorage=true</c>); none for an identity-based connection.</summary>
    public string? ConnectionString { get; }

    /// <summary>The service endpoints of an identity-based connection; none for a connection string.</summary>
    public StorageServiceUris? ServiceUris { get; }

    /// <summary>The credential settings of an identity-based connection; none for a connection string.</summary>
    public AzureCredentialSettings? Credential { get; }

    /// <summary>Whether the clients authenticate with a token credential rather than the connection string.</summary>
    public bool IsIdentityBased => ConnectionString is null;

    /// <summary>A connection with a connection string.</summary>
    public static StorageConnection FromConnectionString(string name, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageConnection(name, connectionString, null, null);
    }

    /// <summary>
    /// Reads the connection named <paramref name="name"/>; none when neither a connection string nor an identity-based
    /// connection is set.
    /// </summary>
    /// <exception cref="StorageConnectionException">A setting under the connection is unusable (the message names it).</exception>
    public static StorageConnection? Read(IConfiguration configuration, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(name, section.Value);
        }

        var accountName = section["accountName"];
        var blob = ReadUri(section, name, "blobServiceUri") ?? ReadUri(section, name, "serviceUri");
        var queue = ReadUri(section, name, "queueServiceUri");
        var table = ReadUri(section, name, "tableServiceUri");
        if (string.IsNullOrWhiteSpace(accountName) && blob is null && queue is null && table is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(accountName))
        {
            var suffix = string.IsNullOrWhiteSpace(section["endpointSuffix"]) ? DefaultEndpointSuffix : section["endpointSuffix"]!;
            blob ??= AccountUri(name, accountName, "blob", suffix);
            queue ??= AccountUri(name, accountName, "queue", suffix);
            table ??= AccountUri(name, accountName, "table", suffix);
        }

        return new StorageConnection(name, null, new StorageServiceUris(blob, queue, table), AzureCredentialSettings.Read(section));
    }

    /// <summary>The endpoint of <paramref name="service"/>, or an error naming the settings that would give it.</summary>
    public Uri RequireServiceUri(StorageService service) =>
        (service switch
        {
            StorageService.Blob => ServiceUris?.Blob,
            StorageService.Queue => ServiceUris?.Queue,
            _ => ServiceUris?.Table,
        })
        ?? throw new StorageConnectionException(
            $"{Name}__{service.ToString().ToLowerInvariant()}ServiceUri",
            $"is not set, and neither is {Name}__accountName: the {service.ToString().ToLowerInvariant()} service has no endpoint.");

    private static Uri? ReadUri(IConfigurationSection section, string name, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new StorageConnectionException($"{name}__{key}", "must be an absolute http(s) URI.");
        }

        return uri;
    }

    private static Uri AccountUri(string name, string accountName, string service, string suffix)
    {
        if (!Uri.TryCreate($"https://{accountName}.{service}.{suffix}", UriKind.Absolute, out var uri) || uri.Host.Split('.')[0] != accountName)
        {
            throw new StorageConnectionException($"{name}__accountName", "must be a storage account name (lowercase letters and digits).");
        }

        return uri;
    }
}
