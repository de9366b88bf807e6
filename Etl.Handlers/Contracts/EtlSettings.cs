using System.Globalization;

namespace Fractal.Etl.Handlers;

/// <summary>
/// The settings the handlers obey, read from app settings: which handlers may run
/// (<c>FRACTAL_ETL_HANDLERS</c>, comma-separated; none when unset), the limits per dataset
/// (<c>FRACTAL_ETL_MAX_ROWS</c>, <c>FRACTAL_ETL_MAX_BYTES</c>), whether URL sources may be loopback or
/// link-local (<c>FRACTAL_ETL_ALLOW_LOOPBACK</c>), how much one request may ask (<c>FRACTAL_ETL_MAX_DESCRIPTORS</c>
/// per load, <c>FRACTAL_ETL_MAX_PARTITIONS</c> per descriptor), and the settings lookup that resolves named
/// connection strings at extract time.
/// </summary>
public sealed class EtlSettings
{
    public const string HandlersSetting = "FRACTAL_ETL_HANDLERS";
    public const string MaxRowsSetting = "FRACTAL_ETL_MAX_ROWS";
    public const string MaxBytesSetting = "FRACTAL_ETL_MAX_BYTES";
    public const string AllowLoopbackSetting = "FRACTAL_ETL_ALLOW_LOOPBACK";
    public const string MaxDescriptorsSetting = "FRACTAL_ETL_MAX_DESCRIPTORS";
    public const string MaxPartitionsSetting = "FRACTAL_ETL_MAX_PARTITIONS";

    private readonly Func<string, string?> _lookup;

    public EtlSettings(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
        AllowedHandlers = ParseList(lookup(HandlersSetting));
        MaxRows = ParseLong(lookup(MaxRowsSetting), 100_000_000);
        MaxBytes = ParseLong(lookup(MaxBytesSetting), 4L * 1024 * 1024 * 1024);
        MaxDescriptors = (int)Math.Min(int.MaxValue, ParseLong(lookup(MaxDescriptorsSetting), 200));
        MaxPartitions = (int)Math.Min(int.MaxValue, ParseLong(lookup(MaxPartitionsSetting), 64));
        AllowLoopbackSources = bool.TryParse(lookup(AllowLoopbackSetting), out var allow) && allow;
    }

    /// <summary>The handler names that may run; empty when the setting is unset.</summary>
    public IReadOnlyList<string> AllowedHandlers { get; init; }

    /// <summary>The most long-form rows one dataset may hold.</summary>
    public long MaxRows { get; init; }

    /// <summary>The most Parquet bytes one dataset may take.</summary>
    public long MaxBytes { get; init; }

    /// <summary>The most descriptors (so datasets) one load may ask for.</summary>
    public int MaxDescriptors { get; init; }

    /// <summary>The most partitions one descriptor may be split into, so one load's fan-out stays bounded.</summary>
    public int MaxPartitions { get; init; }

    /// <summary>Whether URL sources may resolve to loopback or link-local addresses (tests, local development).</summary>
    public bool AllowLoopbackSources { get; init; }

    /// <summary>The rows per extracted batch, which is also the rows per Parquet row group.</summary>
    public int BatchRows { get; init; } = 131_072;

    /// <summary>A named setting, such as a connection string; null when unset. Never log its value.</summary>
    public string? GetSecretSetting(string name) => _lookup(name);

    private static string[] ParseList(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static long ParseLong(string? value, long defaultValue) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : defaultValue;
}
