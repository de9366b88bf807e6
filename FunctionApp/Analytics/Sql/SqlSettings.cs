namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>
/// The <c>sql</c> analysis' limits: <c>FRACTAL_SQL_MAX_ROWS</c> (rows a result may have, default
/// <see cref="DefaultMaxRows"/>), <c>FRACTAL_SQL_TIMEOUT_SECONDS</c> (how long a query may run,
/// default <see cref="DefaultTimeoutSeconds"/>), <c>FRACTAL_SQL_MEMORY_LIMIT_MB</c> (DuckDB's
/// memory limit per query, default <see cref="DefaultMemoryLimitMegabytes"/>) and
/// <c>FRACTAL_SQL_THREADS</c> (DuckDB threads per query, default <see cref="DefaultThreads"/>).
/// </summary>
public sealed class SqlSettings
{
    public const int DefaultMaxRows = 100_000;
    public const int DefaultTimeoutSeconds = 30;
    public const int DefaultMemoryLimitMegabytes = 512;
    public const int DefaultThreads = 1;

    public const string MaxRowsSetting = "FRACTAL_SQL_MAX_ROWS";
    public const string TimeoutSecondsSetting = "FRACTAL_SQL_TIMEOUT_SECONDS";
    public const string MemoryLimitSetting = "FRACTAL_SQL_MEMORY_LIMIT_MB";
    public const string ThreadsSetting = "FRACTAL_SQL_THREADS";

    [ConfigurationKeyName(MaxRowsSetting)]
    public int MaxRows { get; set; } = DefaultMaxRows;

    [ConfigurationKeyName(TimeoutSecondsSetting)]
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    [ConfigurationKeyName(MemoryLimitSetting)]
    public int MemoryLimitMegabytes { get; set; } = DefaultMemoryLimitMegabytes;

    [ConfigurationKeyName(ThreadsSetting)]
    public int Threads { get; set; } = DefaultThreads;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
