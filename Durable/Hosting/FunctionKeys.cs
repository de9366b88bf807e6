using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Hosting;

/// <summary>Checks the function key a request presents in <c>x-functions-key</c> or <c>?code=</c>.</summary>
internal static class FunctionKeys
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public static bool IsAuthorized(HttpRequest request, string? hostKey)
    {
        if (hostKey is null)
        {
            return false;
        }

        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName];
        }

        return !string.IsNullOrEmpty(presented)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(hostKey));
    }

    public static Task RejectAsync(HttpContext context) =>
        Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, $"This route needs the function key in the '{HeaderName}' header or the '{QueryName}' query parameter.");
}
