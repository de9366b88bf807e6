using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Fractal.FunctionApp.Storage;

/// <summary>Blobs in memory, for running with no storage configured.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, Entry> _blobs = new(StringComparer.Ordinal);

    public async Task UploadAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        _blobs[Key(container, name)] = new Entry(buffer.ToArray());
    }

    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue(Key(container, name), out var entry) ? new MemoryStream(entry.Bytes, writable: false) : null);

    public Task<StoredBlob?> ReadAllAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.TryGetValue(Key(container, name), out var entry) ? new StoredBlob(entry.Bytes.ToArray(), entry.Version) : null);

    public async Task<bool> ReplaceAsync(string container, string name, Stream content, string contentType, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var key = Key(container, name);
        return _blobs.TryGetValue(key, out var current) && current.Version == version && _blobs.TryUpdate(key, new Entry(buffer.ToArray()), current);
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.TryRemove(Key(container, name), out _));

    public async IAsyncEnumerable<string> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = Key(container, prefix);
        foreach (var key in _blobs.Keys.Where(k => k.StartsWith(start, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key[(container.Length + 1)..];
        }

        await Task.CompletedTask;
    }

    private static string Key(string container, string name) => $"{container}/{name}";

    /// <summary>A blob's bytes and a version unique to this write.</summary>
    private sealed record Entry(byte[] Bytes)
    {
        public string Version { get; } = Guid.NewGuid().ToString("N");
    }
}
