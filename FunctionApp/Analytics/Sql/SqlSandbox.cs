using DuckDB.NET.Data;
using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>
/// A private in-memory DuckDB database that is locked down before any table or query reaches it: no
/// spilling to disk, no file or network access (<c>enable_external_access</c>), no installing or
/// autoloading extensions, UTC as the time zone (so time buckets do not depend on the host), a
/// memory limit and a thread count, then <c>lock_configuration</c> so no statement can change any
/// of it. It holds only the tables loaded into it, so a query cannot see another request's or
/// another session's data. <see cref="Run"/> does not check the SQL it is given;
/// <see cref="SqlQueryValidator"/> does that first.
/// </summary>
public sealed class SqlSandbox : IDisposable
{
    private readonly DuckDBConnection _connection;

    private SqlSandbox(DuckDBConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Opens an empty sandbox with the memory and thread limits of <paramref name="settings"/>.</summary>
    public static SqlSandbox Open(SqlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            string[] lockDown =
            [
                // Set first: once external access is off, the temporary directory can no longer be changed.
                "SET temp_directory = ''",
                "SET enable_external_access = false",
                "SET autoinstall_known_extensions = false",
                "SET autoload_known_extensions = false",
                "SET allow_community_extensions = false",
                "SET TimeZone = 'UTC'",
                $"SET memory_limit = '{settings.MemoryLimitMegabytes}MB'",
                $"SET threads = {settings.Threads}",
                "SET lock_configuration = true",
            ];
            foreach (var statement in lockDown)
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }

            return new SqlSandbox(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads a dataset as table <paramref name="name"/>: <c>id VARCHAR, feature VARCHAR, value</c>,
    /// the value <c>DOUBLE</c> for numeric data types (NaN as NULL) and <c>VARCHAR</c> for categorical.
    /// </summary>
    public void Load(string name, DatasetTable table)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(table);
        var numeric = table.DataType.IsNumeric();
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE {Quote(name)} (id VARCHAR NOT NULL, feature VARCHAR NOT NULL, value {(numeric ? "DOUBLE" : "VARCHAR")})";
            create.ExecuteNonQuery();
        }

        using var appender = _connection.CreateAppender(name);
        for (var row = 0; row < table.RowCount; row++)
        {
            var values = appender.CreateRow().AppendValue(table.Ids[row]).AppendValue(table.Features[row]);
            values = numeric
                ? values.AppendValue(double.IsNaN(table.Numbers[row]) ? null : table.Numbers[row])
                : values.AppendValue(table.Labels[row]);
            values.EndRow();
        }
    }

    /// <summary>DuckDB's syntax tree of <paramref name="query"/> (<c>json_serialize_sql</c>), or its error, as JSON.</summary>
    public string SyntaxTree(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql(CAST($query AS VARCHAR))";
        command.Parameters.Add(new DuckDBParameter("query", query));
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Runs <paramref name="query"/>, streaming its rows: more than <paramref name="maxRows"/> rows,
    /// or a run longer than <paramref name="timeout"/> (the query is interrupted), is a
    /// <see cref="SqlLimitExceededException"/>.
    /// </summary>
    public SqlResult Run(string query, int maxRows, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var command = _connection.CreateCommand();
        command.CommandText = query;
        command.UseStreamingMode = true;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var interrupt = deadline.Token.Register(command.Cancel);
        try
        {
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(i => SqlValues.Column(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
            var rows = new List<IReadOnlyList<object?>>();
            while (reader.Read())
            {
                if (rows.Count == maxRows)
                {
                    throw SqlLimitExceededException.Rows(maxRows);
                }

                var row = new object?[columns.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : SqlValues.ToResult(reader.GetValue(i));
                }

                rows.Add(row);
            }

            return new SqlResult { Columns = columns, Rows = rows };
        }
        catch (Exception error) when (error is OperationCanceledException or DuckDBException
            && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw SqlLimitExceededException.Time(timeout, error);
        }
    }

    public void Dispose() => _connection.Dispose();

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
