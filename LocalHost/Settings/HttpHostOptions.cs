using System.Globalization;

namespace Fractal.LocalHost.Settings;

/// <summary>The HTTP settings of the host: <c>host.json</c>'s route prefix and the request body limit.</summary>
public sealed class HttpHostOptions
{
    /// <summary>The Functions host's default request body limit: 100 MB.</summary>
    public const long DefaultMaxRequestBodySize = 104_857_600;

    /// <summary>The route prefix, without slashes; empty serves functions at the site root.</summary>
    public string RoutePrefix { get; init; } = "api";

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodySize { get; init; } = DefaultMaxRequestBodySize;

    /// <summary>Reads and validates the options; a bad value throws <see cref="HostSettingException"/> naming it.</summary>
    public static HttpHostOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var prefix = (configuration[SettingNames.RoutePrefix] ?? "api").Trim().Trim('/');
        if (prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('}', StringComparison.Ordinal) || prefix.Contains('?', StringComparison.Ordinal))
        {
            throw new HostSettingException("extensions.http.routePrefix", "must be a plain path without route parameters.");
        }

        var limit = DefaultMaxRequestBodySize;
        var limitText = configuration[SettingNames.RequestBodySizeLimit];
        if (!string.IsNullOrWhiteSpace(limitText)
            && (!long.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit <= 0))
        {
            throw new HostSettingException(SettingNames.RequestBodySizeLimit, $"'{limitText}' is not a positive whole number of bytes.");
        }

        return new HttpHostOptions { RoutePrefix = prefix, MaxRequestBodySize = limit };
    }
}
