using Microsoft.Extensions.Configuration;

namespace Fractal.Etl.Handlers;

/// <summary>
/// The settings the handlers obey, bound from app settings: which handlers may run (<c>FRACTAL_ETL_HANDLERS</c>,
/// comma-separated names or <c>*</c> for every registered handler; none when unset), the limits per dataset
/// (<c>FRACTAL_ETL_MAX_ROWS</c>, <c>FRACTAL_ETL_MAX_BYTES</c>), whether URL sources may be loopback or link-local
/// (<c>FRACTAL_ETL_ALLOW_LOOPBACK</c>), and how much one request may ask (<c>FRACTAL_ETL_MAX_DESCRIPTORS</c> per load,
/// <c>FRACTAL_ETL_MAX_PARTITIONS</c> per descriptor). <see cref="EtlSettingsValidator"/> checks them at start.
/// </summary>
public sealed class EtlSettings
{
    public const string HandlersSetting = "FRACTAL_ETL_HANDLERS";
    public const string MaxRowsSetting = "FRACTAL_ETL_MAX_ROWS";
    public const string MaxBytesSetting = "FRACTAL_ETL_MAX_BYTES";
    public const string AllowLoopbackSetting = "FRACTAL_ETL_ALLOW_LOOPBACK";
    public const string MaxDescriptorsSetting = "FRACTAL_ETL_MAX_DESCRIPTORS";
    public const string MaxPartitionsSetting = "FRACTAL_ETL_MAX_PARTITIONS";

    /// <summary>The allow-list entry that allows every registered handler.</summary>
    public const string EveryHandler = "*";

    /// <summary>The allow-list as set: comma-separated handler names, or <see cref="EveryHandler"/>.</summary>
    [ConfigurationKeyName(HandlersSetting)]
    public string Handlers { get; set; } = string.Empty;

    /// <summary>The most long-form rows one dataset may hold.</summary>
    [ConfigurationKeyName(MaxRowsSetting)]
    public long MaxRows { get; set; } = 100_000_000;

    /// <summary>The most Parquet bytes one dataset may take.</summary>
    [ConfigurationKeyName(MaxBytesSetting)]
    public long MaxBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The most descriptors (so datasets) one load may ask for.</summary>
    [ConfigurationKeyName(MaxDescriptorsSetting)]
    public int MaxDescriptors { get; set; } = 200;

    /// <summary>The most partitions one descriptor may be split into, so one load's fan-out stays bounded.</summary>
    [ConfigurationKeyName(MaxPartitionsSetting)]
    public int MaxPartitions { get; set; } = 64;

    /// <summary>Whether URL sources may resolve to loopback or link-local addresses (tests, local development).</summary>
    [ConfigurationKeyName(AllowLoopbackSetting)]
    public bool AllowLoopbackSources { get; set; }

    /// <summary>The rows per extracted batch, which is also the rows per Parquet row group (not a setting).</summary>
    public int BatchRows { get; init; } = 131_072;

    /// <summary>The names <see cref="Handlers"/> lists, in order; empty when unset.</summary>
    public IReadOnlyList<string> AllowList() =>
        Handlers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
