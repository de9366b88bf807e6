using System.Text;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// Text a source reads as a file, kept as <c>uploads/{session}/{upload}</c>: inline request text is stored here when a
/// load is accepted, so orchestration inputs and histories carry only its name, and removed when the load ends.
/// </summary>
public sealed class UploadStore
{
    public const string Container = "uploads";

    private readonly IBlobStore _blobs;

    public UploadStore(IBlobStore blobs)
    {
        _blobs = blobs;
    }

    public async Task SaveAsync(string session, string upload, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        await _blobs.UploadAsync(Container, Name(session, upload), content, "text/plain; charset=utf-8", cancellationToken);
    }

    /// <summary>Opens the session's upload; null when the session has none by that name.</summary>
    public Task<Stream?> OpenAsync(string session, string upload, CancellationToken cancellationToken) =>
        _blobs.OpenReadAsync(Container, Name(session, upload), cancellationToken);

    public Task<bool> DeleteAsync(string session, string upload, CancellationToken cancellationToken) =>
        _blobs.DeleteAsync(Container, Name(session, upload), cancellationToken);

    private static string Name(string session, string upload) => $"{session}/{upload}";
}
