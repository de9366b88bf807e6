using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Fractal.AzureConnections;

/// <summary>
/// Creates the blob, queue and table clients of one <see cref="StorageConnection"/>: from its connection string (shared
/// key, SAS, Azurite), or from its service endpoints with a token credential (managed identity in Azure). Every storage
/// client the app and the local host build comes from here, so both read a connection as the Functions host does.
/// </summary>
public sealed class StorageClientFactory
{
    private readonly Lazy<TokenCredential>? _credential;

    /// <summary>Creates the factory of <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="credential">
    /// The credential of an identity-based connection; none: the one its settings ask for
    /// (<see cref="AzureCredentialFactory"/>). Ignored for a connection string.
    /// </param>
    public StorageClientFactory(StorageConnection connection, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        if (connection.IsIdentityBased)
        {
            _credential = credential is null
                ? new Lazy<TokenCredential>(() => AzureCredentialFactory.Create(connection.Credential!))
                : new Lazy<TokenCredential>(credential);
        }
    }

    /// <summary>The connection the clients use.</summary>
    public StorageConnection Connection { get; }

    /// <summary>The token credential of an identity-based connection; none for a connection string.</summary>
    public TokenCredential? Credential => _credential?.Value;

    /// <summary>The factory of the connection named <paramref name="name"/>; none when it is not set.</summary>
    /// <exception cref="StorageConnectionException">A setting under the connection is unusable.</exception>
    public static StorageClientFactory? FromConfiguration(IConfiguration configuration, string name = StorageConnection.DefaultName) =>
        StorageConnection.Read(configuration, name) is { } connection ? new StorageClientFactory(connection) : null;

    /// <summary>A blob service client.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        Connection.ConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString, options)
            : new BlobServiceClient(Connection.RequireServiceUri(StorageService.Blob), Credential, options);

    /// <summary>A queue service client.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) =>
        Connection.ConnectionString is { } connectionString
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(Connection.RequireServiceUri(StorageService.Queue), Credential, options);

    /// <summary>A table service client.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        Connection.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(Connection.RequireServiceUri(StorageService.Table), Credential, options);
}
