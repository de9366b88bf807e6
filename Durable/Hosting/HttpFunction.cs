using System.Text.RegularExpressions;
using Fractal.Durable.Functions;
using Microsoft.Extensions.Configuration;

namespace Fractal.Durable.Hosting;

/// <summary>An HTTP-triggered function: its route below the prefix, methods and authorization level.</summary>
internal sealed partial record HttpFunction(FunctionMethod Function, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel)
{
    private const string SiteRootMarker = "~/";

    /// <summary>
    /// The URL path template: below the route prefix, or from the site root when the route starts with
    /// <c>~/</c> (as ASP.NET Core's attribute routes override a prefix); every <c>%Name%</c> is replaced by
    /// the app setting <c>Name</c>, empty when it is unset, as the Functions host resolves binding expressions.
    /// </summary>
    public string Template(FunctionHostOptions options, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        var rooted = Route.StartsWith(SiteRootMarker, StringComparison.Ordinal);
        var route = AppSetting().Replace(rooted ? Route[SiteRootMarker.Length..] : Route, match => settings[match.Groups["name"].Value]?.Trim('/') ?? string.Empty);
        var path = rooted || string.IsNullOrEmpty(options.RoutePrefix) ? $"/{route}" : $"/{options.RoutePrefix}/{route}";
        return RepeatedSlashes().Replace(path, "/");
    }

    [GeneratedRegex("%(?<name>[A-Za-z0-9_:.-]+)%")]
    private static partial Regex AppSetting();

    [GeneratedRegex("/{2,}")]
    private static partial Regex RepeatedSlashes();
}
