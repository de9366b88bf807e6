using Azure.Identity;
using Azure.Storage.Blobs;
using Fractal.AzureConnections;

namespace Fractal.FunctionApp.Web;

/// <summary>
/// Tells whether the storage account named by <c>AzureWebJobsStorage</c> answers, by connection string or by identity;
/// a credential that cannot get a token, or storage that does not answer, is reported with the reason within a few
/// seconds, never waited on.
/// </summary>
public sealed class StorageHealthProbe
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);
    private readonly StorageClientFactory? _storage;

    /// <summary>Creates a probe for the storage of <paramref name="storage"/>; none: the app keeps its blobs in memory.</summary>
    public StorageHealthProbe(StorageClientFactory? storage)
    {
        _storage = storage;
    }

    /// <summary>Asks the blob service for its properties, within a few seconds.</summary>
    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken)
    {
        if (_storage is null)
        {
            return new StorageHealth("in-memory", Reachable: true, Error: null);
        }

        var kind = _storage.Connection.IsIdentityBased ? "azure-storage-identity" : "azure-storage";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            var client = _storage.CreateBlobServiceClient(new BlobClientOptions { Retry = { MaxRetries = 0 } });
            await client.GetPropertiesAsync(timeout.Token).WaitAsync(timeout.Token);
            return new StorageHealth(kind, Reachable: true, Error: null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var waitingFor = _storage.Connection.IsIdentityBased ? "no token or answer" : "no answer";
            return new StorageHealth(kind, Reachable: false, Error: $"{waitingFor} within {s_timeout.TotalSeconds:0} s");
        }
        catch (AuthenticationFailedException ex)
        {
            // The credential's own words (which identity, which source failed); they carry no secret.
            return new StorageHealth(kind, Reachable: false, Error: $"credential: {ex.GetType().Name}: {FirstLine(ex.Message)}");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidOperationException or FormatException)
        {
            return new StorageHealth(kind, Reachable: false, Error: ex.GetType().Name);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
