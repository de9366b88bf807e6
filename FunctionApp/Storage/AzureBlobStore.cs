using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Fractal.AzureConnections;

namespace Fractal.FunctionApp.Storage;

/// <summary>
/// Blobs in the storage account of <c>AzureWebJobsStorage</c> (Azurite locally), by connection string or by identity
/// (<see cref="StorageClientFactory"/>).
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobServiceClient _service;
    private readonly ConcurrentDictionary<string, Task<BlobContainerClient>> _containers = new(StringComparer.Ordinal);

    /// <summary>Creates a store over the blob service of <paramref name="storage"/>.</summary>
    public AzureBlobStore(StorageClientFactory storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _service = storage.CreateBlobServiceClient();
    }

    /// <summary>Creates a store over the account of <paramref name="connectionString"/>.</summary>
    public AzureBlobStore(string connectionString)
        : this(new StorageClientFactory(StorageConnection.FromConnectionString(StorageConnection.DefaultName, connectionString)))
    {
    }

    public async Task UploadAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var client = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        await client.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken)
    {
        var client = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        try
        {
            return await client.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<StoredBlob?> ReadAllAsync(string container, string name, CancellationToken cancellationToken)
    {
        var client = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        try
        {
            var download = await client.DownloadContentAsync(cancellationToken);
            return new StoredBlob(download.Value.Content.ToArray(), download.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ReplaceAsync(string container, string name, Stream content, string contentType, string version, CancellationToken cancellationToken)
    {
        var client = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        try
        {
            await client.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfMatch = new ETag(version) },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken)
    {
        var client = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        var response = await client.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return response.Value;
    }

    public async IAsyncEnumerable<string> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = await ContainerAsync(container, cancellationToken);
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return item.Name;
        }
    }

    private Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        _containers.GetOrAdd(name, async container =>
        {
            var client = _service.GetBlobContainerClient(container);
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return client;
        });
}
