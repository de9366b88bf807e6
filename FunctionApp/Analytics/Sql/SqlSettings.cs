namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>
/// The <c>sql</c> analysis' limits: <c>FRACTAL_SQL_MAX_ROWS</c> (rows a result may have, default
/// <see cref="DefaultMaxRows"/>), <c>FRACTAL_SQL_TIMEOUT_SECONDS</c> (how long a query may run,
/// default <see cref="DefaultTimeoutSeconds"/>), <c>FRACTAL_SQL_MEMORY_LIMIT_MB</c> (DuckDB's
/// memory limit per query, default <see cref="DefaultMemoryLimitMegabytes"/>) and
/// <c>FRACTAL_SQL_THREADS</c> (DuckDB threads per query, default <see cref="DefaultThreads"/>).
/// </summary>
public sealed record SqlSettings(
    int MaxRows = SqlSettings.DefaultMaxRows,
    int TimeoutSeconds = SqlSettings.DefaultTimeoutSeconds,
    int MemoryLimitMegabytes = SqlSettings.DefaultMemoryLimitMegabytes,
    int Threads = SqlSettings.DefaultThreads)
{
    public const int DefaultMaxRows = 100_000;
    public const int DefaultTimeoutSeconds = 30;
    public const int DefaultMemoryLimitMegabytes = 512;
    public const int DefaultThreads = 1;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public static SqlSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new SqlSettings(
            AtLeastOne(configuration, "FRACTAL_SQL_MAX_ROWS", DefaultMaxRows),
            AtLeastOne(configuration, "FRACTAL_SQL_TIMEOUT_SECONDS", DefaultTimeoutSeconds),
            AtLeastOne(configuration, "FRACTAL_SQL_MEMORY_LIMIT_MB", DefaultMemoryLimitMegabytes),
            AtLeastOne(configuration, "FRACTAL_SQL_THREADS", DefaultThreads));
    }

    private static int AtLeastOne(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration.GetValue(key, fallback);
        return value >= 1 ? value : throw new InvalidOperationException($"{key} must be at least 1; it is {value}.");
    }
}
