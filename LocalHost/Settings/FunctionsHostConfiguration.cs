using System.Text.Json;

namespace Fractal.LocalHost.Settings;

/// <summary>
/// Layers configuration as the Functions host and Core Tools do: <c>host.json</c> under
/// <see cref="SettingNames.HostJsonSection"/>, then <c>local.settings.json</c> (<c>Values</c> as top-level
/// keys, <c>Host</c> under <c>Host:</c>), then environment variables; each later source overrides the earlier.
/// </summary>
public static class FunctionsHostConfiguration
{
    /// <summary>The app's settings file read by Core Tools.</summary>
    public const string LocalSettingsFileName = "local.settings.json";

    /// <summary>The Functions host's configuration file.</summary>
    public const string HostJsonFileName = "host.json";

    /// <summary>Adds the sources found in <paramref name="appDirectory"/>, then the environment variables.</summary>
    public static IConfigurationBuilder AddFunctionsHostSources(this IConfigurationBuilder builder, string appDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(appDirectory);

        builder.AddInMemoryCollection(ReadHostJson(Path.Combine(appDirectory, HostJsonFileName)));
        builder.AddInMemoryCollection(ReadLocalSettings(Path.Combine(appDirectory, LocalSettingsFileName)));
        builder.AddEnvironmentVariables();
        return builder;
    }

    /// <summary>Reads <c>host.json</c> as configuration pairs under <see cref="SettingNames.HostJsonSection"/>.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string?>> ReadHostJson(string path)
    {
        var root = ReadJsonObject(path);
        if (root is null)
        {
            return [];
        }

        var pairs = new List<KeyValuePair<string, string?>>();
        Flatten(root.Value, SettingNames.HostJsonSection, pairs);
        return pairs;
    }

    /// <summary>Reads <c>local.settings.json</c>: <c>Values</c> as keys (<c>__</c> read as <c>:</c>, as environment variables are), <c>Host</c> under <c>Host:</c>.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string?>> ReadLocalSettings(string path)
    {
        var root = ReadJsonObject(path);
        if (root is null)
        {
            return [];
        }

        var pairs = new List<KeyValuePair<string, string?>>();
        if (root.Value.TryGetProperty("Values", out var values))
        {
            if (values.ValueKind != JsonValueKind.Object)
            {
                throw new HostSettingException($"{LocalSettingsFileName}:Values", "must be an object of name/value pairs.");
            }

            foreach (var value in values.EnumerateObject())
            {
                pairs.Add(KeyValuePair.Create(value.Name.Replace("__", ":", StringComparison.Ordinal), Scalar(value.Value, $"Values:{value.Name}")));
            }
        }

        if (root.Value.TryGetProperty("Host", out var host))
        {
            if (host.ValueKind != JsonValueKind.Object)
            {
                throw new HostSettingException($"{LocalSettingsFileName}:Host", "must be an object.");
            }

            foreach (var value in host.EnumerateObject())
            {
                pairs.Add(KeyValuePair.Create($"Host:{value.Name}", Scalar(value.Value, $"Host:{value.Name}")));
            }
        }

        return pairs;
    }

    private static JsonElement? ReadJsonObject(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new HostSettingException(Path.GetFileName(path), "must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new HostSettingException(Path.GetFileName(path), $"is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void Flatten(JsonElement element, string prefix, List<KeyValuePair<string, string?>> pairs)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{prefix}:{property.Name}", pairs);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", pairs);
                }

                break;
            default:
                pairs.Add(KeyValuePair.Create(prefix, Scalar(element, prefix)));
                break;
        }
    }

    private static string? Scalar(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw new HostSettingException(name, "must be a string, a number or a boolean."),
    };
}
