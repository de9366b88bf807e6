using System.Diagnostics;
using DuckDB.NET.Data;

namespace Fractal.Bench.Ingest;

/// <summary>The same work by DuckDB: read the CSV, unnest a-d to (id, feature, value) keeping nulls, write Parquet.</summary>
internal static class DuckDbIngest
{
    public static async Task<BenchResult> RunAsync(string csvPath, string outputPath)
    {
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            CREATE VIEW source AS
            SELECT * FROM read_csv('{Escape(csvPath)}', header = true, columns = {"{'id': 'VARCHAR', 'a': 'DOUBLE', 'b': 'DOUBLE', 'c': 'DOUBLE', 'd': 'DOUBLE'}"})
            """);
        await ExecuteAsync(connection, $"""
            COPY (SELECT id, unnest(['a', 'b', 'c', 'd']) AS feature, unnest([a, b, c, d]) AS value FROM source) TO '{Escape(outputPath)}' (FORMAT parquet)
            """);
        clock.Stop();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM read_parquet('{Escape(outputPath)}')";
        var rows = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return new BenchResult("duckdb", rows / 4, rows, clock.Elapsed, sampler.PeakManagedBytes, Process.GetCurrentProcess().PeakWorkingSet64, new FileInfo(outputPath).Length);
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Escape(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
