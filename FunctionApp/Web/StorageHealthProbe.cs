using Azure.Storage.Blobs;


namespace Fractal.FunctionApp.Web;

/// <summary>Tells whether the storage account named by <c>AzureWebJobsStorage</c> answers.</summary>
public sealed class StorageHealthProbe
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);
    private readonly string? _connectionString;

    /// <summary>Creates a probe for the configured storage account.</summary>
    public StorageHealthProbe(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["AzureWebJobsStorage"];
        _connectionString = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Asks the blob service for its properties, within a few seconds.</summary>
    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null)
        {
            return new StorageHealth("in-memory", Reachable: true, Error: null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            var client = new BlobServiceClient(_connectionString, new BlobClientOptions { Retry = { MaxRetries = 0 } });
            await client.GetPropertiesAsync(timeout.Token);
            return new StorageHealth("azure-storage", Reachable: true, Error: null);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or InvalidOperationException or FormatException)
        {
            var reason = ex is OperationCanceledException ? $"no answer within {s_timeout.TotalSeconds:0} s" : ex.GetType().Name;
            return new StorageHealth("azure-storage", Reachable: false, Error: reason);
        }
    }
}
