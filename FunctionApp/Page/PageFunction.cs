using System.Text.RegularExpressions;
using Fractal.FunctionApp.Web;

namespace Fractal.FunctionApp.Page;

/// <summary>
/// <c>GET /api/ui/{*path}</c>: the Fractal page, static files embedded in the app (<c>Page/wwwroot</c>: HTML, CSS and
/// JavaScript modules, no build step), so it is served wherever the app runs. Anonymous: the files hold no data; the
/// page asks for the function key and sends it with every API call.
/// </summary>
public static partial class PageFunction
{
    private const string ResourcePrefix = "page/";

    private static readonly Dictionary<string, string> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    [Function("Page")]
    public static IResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui/{*path}")] HttpRequest request,
        string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        path ??= string.Empty;
        if (path.Length == 0)
        {
            // Relative module imports resolve against the folder: /api/ui must be /api/ui/.
            if (!request.Path.Value!.EndsWith('/'))
            {
                return Results.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
            }

            path = "index.html";
        }

        var stream = FilePath().IsMatch(path) && !path.Contains("..", StringComparison.Ordinal)
            ? typeof(PageFunction).Assembly.GetManifestResourceStream(ResourcePrefix + path)
            : null;
        if (stream is null || !s_types.TryGetValue(Path.GetExtension(path), out var type))
        {
            stream?.Dispose();
            throw HttpProblemException.NotFound($"The page has no file '{path}'.");
        }

        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Stream(stream, type);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")]
    private static partial Regex FilePath();
}
