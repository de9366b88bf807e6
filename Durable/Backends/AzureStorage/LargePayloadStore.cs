using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>Payloads too large for a queue message or a table property, kept as blobs in the hub's large-messages container.</summary>
internal sealed class LargePayloadStore
{
    private readonly BlobContainerClient _container;

    public LargePayloadStore(BlobContainerClient container)
    {
        _container = container;
    }

    public async Task UploadAsync(string blobName, BinaryData content, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(blobName).UploadAsync(content, overwrite: true, cancellationToken);

    /// <summary>The blob's content, or null when it does not exist.</summary>
    public async Task<BinaryData?> DownloadAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    /// <summary>Deletes every blob whose name starts with <paramref name="prefix"/>.</summary>
    public async Task DeleteAllAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            names.Add(item.Name);
        }

        await Task.WhenAll(names.Select(name => DeleteAsync(name, cancellationToken)));
    }
}
