using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.LocalHost.Settings;

namespace Fractal.LocalHost.Http;

/// <summary>
/// The keys the host checks, as the Functions host keeps them: function keys (the default one is
/// <see cref="SettingNames.FunctionKey"/>), the master key and the <c>durabletask_extension</c> system key.
/// Absent master and system keys are generated; with <see cref="SettingNames.SecretsPath"/> they are kept in
/// <c>host.json</c> there, in the Functions host's file-secrets shape, so a restart keeps them.
/// </summary>
public sealed class HostKeys
{
    /// <summary>The name of the Durable Functions extension's system key.</summary>
    public const string DurableTaskExtensionKeyName = "durabletask_extension";

    private HostKeys(string? functionKey, string masterKey, string durableTaskExtensionKey, bool generated)
    {
        FunctionKey = functionKey;
        MasterKey = masterKey;
        DurableTaskExtensionKey = durableTaskExtensionKey;
        Generated = generated;
    }

    /// <summary>The default function key; none when not configured.</summary>
    public string? FunctionKey { get; }

    /// <summary>The master key: admin level, every function and the management API.</summary>
    public string MasterKey { get; }

    /// <summary>The <c>durabletask_extension</c> system key: the management API only.</summary>
    public string DurableTaskExtensionKey { get; }

    /// <summary>Whether some key was generated at this start.</summary>
    public bool Generated { get; }

    /// <summary>Resolves the keys from <paramref name="options"/>, the secrets file, or new random values.</summary>
    public static HostKeys Resolve(HostKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var stored = options.SecretsPath is null ? null : ReadSecrets(Path.Combine(options.SecretsPath, "host.json"));
        var master = options.MasterKey ?? stored?.Master;
        var system = options.DurableTaskExtensionKey ?? stored?.System;
        var generated = master is null || system is null;
        master ??= NewKey();
        system ??= NewKey();
        if (generated && options.SecretsPath is not null)
        {
            WriteSecrets(options.SecretsPath, master, system);
        }

        return new HostKeys(options.FunctionKey, master, system, generated);
    }

    /// <summary>Keys given outright (tests).</summary>
    public static HostKeys Create(string? functionKey, string masterKey, string durableTaskExtensionKey) =>
        new(functionKey, masterKey, durableTaskExtensionKey, generated: false);

    /// <summary>Whether <paramref name="presented"/> is the master key.</summary>
    public bool IsMaster(string? presented) => Matches(presented, MasterKey);

    /// <summary>Whether <paramref name="presented"/> is a function key.</summary>
    public bool IsFunctionKey(string? presented) => Matches(presented, FunctionKey);

    /// <summary>Whether <paramref name="presented"/> is the <c>durabletask_extension</c> system key.</summary>
    public bool IsDurableTaskExtensionKey(string? presented) => Matches(presented, DurableTaskExtensionKey);

    private static bool Matches(string? presented, string? key) =>
        !string.IsNullOrEmpty(presented) && !string.IsNullOrEmpty(key)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key));

    private static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(40)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string? Master, string? System)? ReadSecrets(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path));
            var master = root?["masterKey"]?["value"]?.GetValue<string>();
            var system = root?["systemKeys"]?.AsArray()
                .FirstOrDefault(k => k?["name"]?.GetValue<string>() == DurableTaskExtensionKeyName)?["value"]?.GetValue<string>();
            return (master, system);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new HostSettingException(SettingNames.SecretsPath, $"{path} is not a readable secrets file: {ex.Message}", ex);
        }
    }

    private static void WriteSecrets(string folder, string master, string system)
    {
        Directory.CreateDirectory(folder);
        var body = new JsonObject
        {
            ["masterKey"] = new JsonObject { ["name"] = "master", ["value"] = master, ["encrypted"] = false },
            ["functionKeys"] = new JsonArray(),
            ["systemKeys"] = new JsonArray(new JsonObject { ["name"] = DurableTaskExtensionKeyName, ["value"] = system, ["encrypted"] = false }),
        };
        var path = Path.Combine(folder, "host.json");
        File.WriteAllText(path, body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
