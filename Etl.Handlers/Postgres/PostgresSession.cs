using System.Data;
using Npgsql;

namespace Fractal.Etl.Handlers.Postgres;

/// <summary>A connection in a read-only transaction, opened from a connection string found in settings by name.</summary>
internal sealed class PostgresSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgresSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresSession> OpenAsync(Func<string, string?> readSetting, string settingName, CancellationToken cancellationToken)
    {
        var connectionString = readSetting(settingName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new SourceFailedException($"the connection setting '{settingName}' is not configured");
        }

        NpgsqlConnection connection;
        try
        {
            connection = new NpgsqlConnection(connectionString);
        }
        catch (ArgumentException)
        {
            throw new SourceFailedException($"the connection setting '{settingName}' is not a valid PostgreSQL connection string");
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken);
            }

            return new PostgresSession(connection, transaction);
        }
        catch (Exception exception) when (PostgresErrors.Map(exception) is { } mapped)
        {
            await connection.DisposeAsync();
            throw mapped;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
