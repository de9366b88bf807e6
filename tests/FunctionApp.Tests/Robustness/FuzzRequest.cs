namespace Fractal.FunctionApp.Tests.Robustness;

/// <summary>One malformed request: where it goes, what is wrong with it, and its body bytes if any.</summary>
internal sealed record FuzzRequest(ServedRoute Route, string Path, string Flaw, string Session, byte[]? Body = null)
{
    /// <summary>Extra headers, such as a continuation token.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the web server itself may refuse the request (an empty 400) before the app sees it.</summary>
    public bool RefusedBeforeTheApp { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Route.Method), Path);
        // The management API takes the master or the system key only, as the Functions host checks it.
        message.Headers.TryAddWithoutValidation("x-functions-key", Path.StartsWith("/runtime/", StringComparison.Ordinal) ? AppHost.SystemKey : AppHost.Key);
        message.Headers.TryAddWithoutValidation(Sessions.Session.HeaderName, Session);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return message;
    }

    public override string ToString()
    {
        var path = Path.Length > 120 ? Path[..120] + "…" : Path;
        return $"{Route.Method} {path} ({Flaw})";
    }
}
