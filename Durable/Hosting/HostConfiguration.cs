using Microsoft.Extensions.Configuration;

namespace Fractal.Durable.Hosting;

/// <summary>
/// Layers configuration as the Functions host does: <c>host.json</c> under the section
/// <c>AzureFunctionsJobHost</c>, then <c>local.settings.json</c> <c>Values</c>, then environment
/// variables, then the command line; each later source overrides the earlier ones.
/// </summary>
public static class HostConfiguration
{
    /// <summary>The configuration section that holds <c>host.json</c>.</summary>
    public const string HostSection = "AzureFunctionsJobHost";

    /// <summary>Adds the Functions host's configuration sources to <paramref name="builder"/>, in order.</summary>
    public static IConfigurationBuilder AddFunctionsHostSources(this IConfigurationBuilder builder, string contentRoot, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(contentRoot);

        builder.AddInMemoryCollection(ReadHostJson(Path.Combine(contentRoot, "host.json")));
        builder.AddInMemoryCollection(ReadLocalSettingsValues(Path.Combine(contentRoot, "local.settings.json")));
        builder.AddEnvironmentVariables();
        if (args is { Length: > 0 })
        {
            builder.AddCommandLine(args);
        }

        return builder;
    }

    internal static IEnumerable<KeyValuePair<string, string?>> ReadHostJson(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var hostJson = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        return hostJson.AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null)
            .Select(pair => KeyValuePair.Create($"{HostSection}:{pair.Key}", pair.Value))
            .ToList();
    }

    internal static IEnumerable<KeyValuePair<string, string?>> ReadLocalSettingsValues(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var settings = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        return settings.GetSection("Values").AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null)
            .Select(pair => KeyValuePair.Create(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value))
            .ToList();
    }
}
