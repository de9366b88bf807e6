namespace Fractal.Etl.Handlers;

/// <summary>
/// What an activity hands a handler at plan or extract time: settings, an HTTP client (made with
/// <see cref="SourceHttp.CreateHandler"/> so loopback and link-local targets are refused), the
/// request's token and, for uploaded files, a way to open the uploaded blob.
/// </summary>
public sealed class EtlExtractContext
{
    public EtlExtractContext(EtlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    public EtlSettings Settings { get; }

    /// <summary>The client for URL sources; required by csv and json URLs, elasticsearch and portal.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The request's source token; used for one request and never stored.</summary>
    public string? Token { get; init; }

    /// <summary>Opens the uploaded file that <c>options.upload</c> names (the caller resolves the name to a blob).</summary>
    public Func<string, CancellationToken, Task<Stream>>? OpenUpload { get; init; }

    /// <summary>
    /// Reads a named setting, such as the connection string <c>options.connection</c> names; null when unset. Never
    /// log what it returns.
    /// </summary>
    public Func<string, string?> ReadSetting { get; init; } = _ => null;

    public override string ToString() => "EtlExtractContext { token = *** }";
}
