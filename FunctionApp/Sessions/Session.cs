using System.Text.RegularExpressions;
using Fractal.FunctionApp.Web;

namespace Fractal.FunctionApp.Sessions;

/// <summary>
/// Whose data a request touches: the <c>X-Fractal-Session</c> header, else the <c>fractal_session</c>
/// cookie; a request that creates data and has neither gets a new id, set as a cookie. Reads use <see cref="Find"/>
/// and set nothing: a browser whose first calls race without a cookie keeps the one session its data went into.
/// </summary>
public static partial class Session
{
    public const string HeaderName = "X-Fractal-Session";
    public const string CookieName = "fractal_session";

    /// <summary>The request's session id, or null when it names none.</summary>
    public static string? Find(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? id = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(id))
        {
            id = request.Cookies[CookieName];
        }

        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return ValidId().IsMatch(id)
            ? id
            : throw HttpProblemException.BadRequest(HeaderName, "A session id is 8 to 64 letters, digits, '-' or '_'.");
    }

    /// <summary>The request's session id, or a new one set as an HttpOnly cookie on the response.</summary>
    public static string FindOrCreate(HttpRequest request)
    {
        var id = Find(request);
        if (id is not null)
        {
            return id;
        }

        id = Guid.NewGuid().ToString("N");
        request.HttpContext.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = request.IsHttps,
            Path = "/",
        });
        return id;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex ValidId();
}
