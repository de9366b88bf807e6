using Microsoft.Extensions.Configuration;

namespace Fractal.Durable.Hosting;

/// <summary>The host's HTTP settings, read from <c>host.json</c> and the app settings.</summary>
public sealed class FunctionHostOptions
{
    /// <summary>The Functions host's default request body limit: 100 MB.</summary>
    public const long DefaultMaxRequestBodySize = 104_857_600;

    /// <summary>The prefix of every HTTP-triggered route, without slashes; empty for the site root.</summary>
    public string RoutePrefix { get; init; } = "api";

    /// <summary>The largest request body accepted, in bytes; larger ones are answered 413.</summary>
    public long MaxRequestBodySize { get; init; } = DefaultMaxRequestBodySize;

    /// <summary>The key that function-level routes require; none means every such request is refused.</summary>
    public string? HostKey { get; init; }

    /// <summary>Reads the options from configuration layered by <see cref="HostConfiguration"/>.</summary>
    public static FunctionHostOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var prefix = configuration[$"{HostConfiguration.HostSection}:extensions:http:routePrefix"] ?? "api";
        var limitText = configuration["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"];
        var limit = DefaultMaxRequestBodySize;
        if (!string.IsNullOrWhiteSpace(limitText)
            && (!long.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit <= 0))
        {
            throw new InvalidOperationException("FUNCTIONS_REQUEST_BODY_SIZE_LIMIT must be a positive whole number of bytes.");
        }

        var key = configuration["FRACTAL_HOST_KEY"];
        return new FunctionHostOptions
        {
            RoutePrefix = prefix.Trim('/'),
            MaxRequestBodySize = limit,
            HostKey = string.IsNullOrWhiteSpace(key) ? null : key,
        };
    }
}
