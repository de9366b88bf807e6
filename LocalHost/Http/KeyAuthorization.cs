using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>Checks the key a request presents in <c>x-functions-key</c> or <c>?code=</c>, level by level, as the Functions host does.</summary>
internal static class KeyAuthorization
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    /// <summary>The key the request presents: the header first, then the query.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName];
        }

        return string.IsNullOrEmpty(presented) ? null : presented;
    }

    /// <summary>
    /// Whether the request may call a function of <paramref name="level"/>: anonymous always; function with a
    /// function key or the master key; admin (and system) with the master key only.
    /// </summary>
    public static bool IsAuthorized(HttpRequest request, AuthorizationLevel level, HostKeys keys)
    {
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        var presented = PresentedKey(request);
        return level switch
        {
            AuthorizationLevel.Function or AuthorizationLevel.User => keys.IsFunctionKey(presented) || keys.IsMaster(presented),
            _ => keys.IsMaster(presented),
        };
    }

    /// <summary>Whether the request may use the Durable Functions management API: the master key or the <c>durabletask_extension</c> system key.</summary>
    public static bool IsAuthorizedForDurableTaskExtension(HttpRequest request, HostKeys keys)
    {
        var presented = PresentedKey(request);
        return keys.IsMaster(presented) || keys.IsDurableTaskExtensionKey(presented);
    }
}
