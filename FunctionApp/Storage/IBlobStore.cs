namespace Fractal.FunctionApp.Storage;

/// <summary>Blobs the app keeps: datasets (Parquet and their records), results and charts. Names use '/' as folders.</summary>
public interface IBlobStore
{
    /// <summary>Writes (or replaces) a blob from <paramref name="content"/>.</summary>
    Task UploadAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens a blob for reading; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a small blob whole, in one request, so a writer replacing it meanwhile gives the old or the
    /// new content, never an error; null when it does not exist.
    /// </summary>
    Task<byte[]?> ReadAllAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>Deletes a blob; false when there was none.</summary>
    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>The names of the blobs that start with <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<string> ListAsync(string container, string prefix, CancellationToken cancellationToken);
}
