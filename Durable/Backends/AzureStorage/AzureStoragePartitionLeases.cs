using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>
/// One worker's partition leases: a blob lease per partition in <c>{hub}-leases</c>, and a heartbeat
/// blob <c>workers/{workerId}</c> whose last-modified time tells the other workers it is alive.
/// Partitions are dealt round-robin over the live workers in the order of their ids; a partition is
/// taken only when its lease is free or has expired.
/// </summary>
internal sealed class AzureStoragePartitionLeases : IPartitionLeases
{
    private const string WorkersPrefix = "workers/";

    private readonly BlobContainerClient _container;
    private readonly BlobLeaseClient[] _leases;
    private readonly BlobClient[] _partitionBlobs;
    private readonly BlobClient _heartbeat;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeSpan _workerTimeout;
    private readonly HashSet<int> _owned = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public AzureStoragePartitionLeases(BlobContainerClient container, string workerId, int partitionCount, TimeSpan leaseDuration, TimeSpan workerTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        _container = container;
        WorkerId = workerId;
        var leaseId = LeaseIdOf(container.Name, workerId);
        _partitionBlobs = [.. Enumerable.Range(0, partitionCount).Select(p => container.GetBlobClient(TaskHubNames.PartitionLeaseBlob(p)))];
        _leases = [.. _partitionBlobs.Select(b => b.GetBlobLeaseClient(leaseId))];
        _heartbeat = container.GetBlobClient(WorkersPrefix + workerId);
        _leaseDuration = leaseDuration;
        _workerTimeout = workerTimeout;
    }

    public string WorkerId { get; }

    public async Task<IReadOnlySet<int>> BalanceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var beat = await _heartbeat.UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);
            var workers = await LiveWorkersAsync(beat.Value.LastModified - _workerTimeout, cancellationToken);
            var outcomes = await Task.WhenAll(Enumerable.Range(0, _leases.Length).Select(p =>
                workers[p % workers.Count] == WorkerId ? HoldAsync(p, cancellationToken) : LetGoAsync(p, cancellationToken)));
            _owned.Clear();
            _owned.UnionWith(Enumerable.Range(0, _leases.Length).Where(p => outcomes[p]));
            return _owned.ToHashSet();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, _leases.Length).Select(p => LetGoAsync(p, cancellationToken)));
            _owned.Clear();
            await _heartbeat.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAllAsync(CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // The leases expire on their own.
        }
        catch (ObjectDisposedException)
        {
            // Disposed twice.
        }

        _gate.Dispose();
    }

    /// <summary>
    /// A lease id that is a function of the worker id, so a restarted process with the same id renews
    /// the leases its previous run held instead of waiting for them to expire.
    /// </summary>
    internal static string LeaseIdOf(string scope, string workerId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + workerId));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private async Task<IReadOnlyList<string>> LiveWorkersAsync(DateTimeOffset aliveSince, CancellationToken cancellationToken)
    {
        var workers = new SortedSet<string>(StringComparer.Ordinal) { WorkerId };
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, WorkersPrefix, cancellationToken))
        {
            if (blob.Properties.LastModified is { } modified && modified >= aliveSince)
            {
                workers.Add(blob.Name[WorkersPrefix.Length..]);
            }
        }

        return [.. workers];
    }

    /// <summary>Renews the partition's lease, or acquires it if it is free or expired; true when this worker holds it.</summary>
    private async Task<bool> HoldAsync(int partition, CancellationToken cancellationToken)
    {
        try
        {
            // Acquiring with our own lease id also renews a lease we hold, so one call serves both cases.
            await _leases[partition].AcquireAsync(_leaseDuration, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await CreatePartitionBlobAsync(partition, cancellationToken);
            return false;
        }
    }

    private async Task<bool> LetGoAsync(int partition, CancellationToken cancellationToken)
    {
        if (!_owned.Contains(partition))
        {
            return false;
        }

        try
        {
            await _leases[partition].ReleaseAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409)
        {
            // Expired and taken by another worker, or gone: either way it is not ours.
        }

        return false;
    }

    private async Task CreatePartitionBlobAsync(int partition, CancellationToken cancellationToken)
    {
        try
        {
            await _partitionBlobs[partition].UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another worker created it first.
        }
    }
}
