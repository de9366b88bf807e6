using Npgsql;
using NpgsqlTypes;

namespace Fractal.Etl.Handlers.Tests.Postgres;

/// <summary>
/// A schema of its own on the PostgreSQL that <c>./test.sh</c> starts (connection string in
/// <c>PostgresConnection</c>), holding a 1,000,000-row table loaded with binary COPY and a small one.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const int BigRowCount = 1_000_000;

    public string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("PostgresConnection") ?? "Host=127.0.0.1;Port=5432;Username=fractal;Password=fractal;Database=fractal";

    public string Schema { get; } = "etl_test_" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            CREATE SCHEMA {Schema};
            CREATE TABLE {Schema}.big (id bigint NOT NULL, value double precision);
            CREATE TABLE {Schema}.patients (id text NOT NULL, age double precision, sex text, months numeric, died boolean);
            INSERT INTO {Schema}.patients VALUES ('p1', 61.5, 'female', 12.5, true), ('p2', NULL, 'male', 30, false), ('p3', 47, NULL, 8.25, true);
            CREATE SEQUENCE {Schema}.counter;
            """);
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {Schema}.big (id, value) FROM STDIN (FORMAT BINARY)"))
        {
            for (long id = 1; id <= BigRowCount; id++)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(id, NpgsqlDbType.Bigint);
                await importer.WriteAsync(id * 0.5, NpgsqlDbType.Double);
            }

            await importer.CompleteAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
