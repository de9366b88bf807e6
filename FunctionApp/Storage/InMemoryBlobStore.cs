using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Fractal.FunctionApp.Storage;

/// <summary>Blobs in memory, for running with no storage configured.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public async Task UploadAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        _blobs[Key(container, name)] = buffer.ToArray();
    }

    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue(Key(container, name), out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public Task<byte[]?> ReadAllAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.TryGetValue(Key(container, name), out var bytes) ? bytes.ToArray() : null);

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
}
