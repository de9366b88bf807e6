using Npgsql;

namespace Fractal.Etl.Handlers.Postgres;

/// <summary>Maps Npgsql failures to the typed ETL errors, with messages of our own (never the connection string).</summary>
internal static class PostgresErrors
{
    public static EtlException? Map(Exception exception) => exception switch
    {
        EtlException => null,
        PostgresException { SqlState: "28P01" or "28000" } => new SourceRefusedCredentialsException(exception),
        PostgresException { SqlState: "42703" or "42P01" or "22P02" } postgres => new EtlDataException(postgres.MessageText, null, exception),
        PostgresException { SqlState: "25006" } => new SourceFailedException("the query tried to write, and the source is read only", exception),
        PostgresException { SqlState: "57014" or "53300" or "40001" or "40P01" } postgres => new SourceTransientException($"the database cancelled the query: {postgres.MessageText}", exception),
        PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) => new SourceTransientException("the database connection failed", exception),
        PostgresException postgres => new SourceFailedException($"the database refused the query: {postgres.MessageText}", exception),
        NpgsqlException { IsTransient: true } or TimeoutException => new SourceTransientException("the database could not be reached or timed out", exception),
        NpgsqlException => new SourceFailedException("the database could not be used", exception),
        _ => null,
    };
}
