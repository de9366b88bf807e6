using Fractal.Domain.Analyses;
using Fractal.FunctionApp.Analytics.Sql;

namespace Fractal.FunctionApp.Tests.Analytics.Sql;

/// <summary>What a <c>sql</c> query may do, decided by DuckDB's parser before the query runs.</summary>
public sealed class SqlQueryValidatorTests
{
    private static readonly string[] s_tables = ["age", "cohort", "log"];

    [Theory]
    [InlineData("INSERT INTO age VALUES ('S1', 'age', 1)")]
    [InlineData("UPDATE age SET value = 0")]
    [InlineData("DELETE FROM age")]
    [InlineData("CREATE TABLE copy AS SELECT * FROM age")]
    [InlineData("DROP TABLE age")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other")]
    [InlineData("COPY age TO '/tmp/age.csv'")]
    [InlineData("EXPORT DATABASE '/tmp/everything'")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("PRAGMA database_list")]
    [InlineData("SET threads = 64")]
    [InlineData("SELECT * FROM age; DELETE FROM age")]
    public void Validate_StatementThatIsNotOneSelect_IsRejectedNamingQuery(string sql)
    {
        var error = Reject(sql);

        Assert.Contains("one SELECT statement", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "read_csv")]
    [InlineData("SELECT * FROM read_text('/etc/passwd')", "read_text")]
    [InlineData("SELECT * FROM read_parquet('/tmp/*.parquet')", "read_parquet")]
    [InlineData("SELECT * FROM parquet_scan('/tmp/x.parquet')", "parquet_scan")]
    [InlineData("SELECT * FROM glob('/*')", "glob")]
    [InlineData("SELECT * FROM query('SELECT 1')", "query")]
    [InlineData("SELECT * FROM duckdb_settings()", "duckdb_settings")]
    public void Validate_TableFunctionThatReachesOutside_IsRejectedNamingIt(string sql, string function)
    {
        var error = Reject(sql);

        Assert.Contains($"'{function}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT getenv('HOME')", "getenv")]
    [InlineData("SELECT current_setting('threads')", "current_setting")]
    [InlineData("SELECT count(*) FROM age WHERE id IN (SELECT filename FROM read_blob('/etc/passwd'))", "read_blob")]
    public void Validate_FunctionThatReadsFilesSettingsOrEnvironment_IsRejectedNamingIt(string sql, string function)
    {
        var error = Reject(sql);

        Assert.Contains($"'{function}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM other", "'other'")]
    [InlineData("SELECT * FROM '/etc/passwd'", "'/etc/passwd'")]
    [InlineData("SELECT * FROM duckdb_tables", "'duckdb_tables'")]
    [InlineData("SELECT a.value FROM age a JOIN secret_sessions s USING (id)", "'secret_sessions'")]
    [InlineData("SELECT * FROM information_schema.tables", "'information_schema.tables'")]
    [InlineData("SELECT * FROM other_schema.age", "'other_schema.age'")]
    [InlineData("SELECT * FROM memory.main.age", "'memory.main.age'")]
    [InlineData("SELECT * FROM (WITH other AS (SELECT 1 AS x) SELECT * FROM other) t, other", "'other'")]
    public void Validate_TableNotAmongItsTables_IsRejectedNamingIt(string sql, string named)
    {
        var error = Reject(sql);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("age, cohort, log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShowTables_IsRejected()
    {
        var error = Reject("SHOW TABLES");

        Assert.Contains("SHOW", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Parameter_IsRejected()
    {
        var error = Reject("SELECT * FROM age WHERE id = ?");

        Assert.Contains("parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SyntaxError_IsRejectedWithTheParsersReason()
    {
        var error = Reject("SELECT value FROM age WHERE");

        Assert.Contains("does not parse", error.Message, StringComparison.Ordinal);
        Assert.Contains("syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyQuery_IsRejectedAsNoStatement()
    {
        var error = Reject("  ");

        Assert.Contains("it has 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QueryOverTheLengthLimit_IsRejected()
    {
        var query = "SELECT 1" + new string(' ', Domain.Analyses.Sql.SqlAnalysis.MaxQueryLength);

        var error = Reject(query);

        Assert.Contains("characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT c.value AS cohort, count(*) AS n, avg(a.value) AS mean FROM age a JOIN cohort c USING (id) GROUP BY 1 ORDER BY 1")]
    [InlineData("WITH adults AS (SELECT id FROM age WHERE value >= 18) SELECT count(*) FROM adults JOIN cohort USING (id)")]
    [InlineData("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT * FROM n")]
    [InlineData("SELECT id, value, rank() OVER (PARTITION BY feature ORDER BY value DESC) AS r FROM age QUALIFY r <= 3")]
    [InlineData("SELECT time_bucket(INTERVAL 5 MINUTE, to_timestamp(value)) AS bucket, count(*) FROM log GROUP BY ALL ORDER BY 1")]
    [InlineData("SELECT date_trunc('hour', to_timestamp(value)) AS hour, count(*) FROM log GROUP BY ALL")]
    [InlineData("SELECT c.value, count(*) FILTER (WHERE a.value > 50) / count(*) AS ratio FROM age a JOIN cohort c USING (id) GROUP BY ALL")]
    [InlineData("SELECT * FROM age WHERE id IN (SELECT id FROM cohort WHERE value = 'A') AND EXISTS (SELECT 1 FROM log)")]
    [InlineData("SELECT r.range AS minute, count(l.id) FROM range(60) r LEFT JOIN log l ON floor(l.value / 60) % 60 = r.range GROUP BY 1")]
    [InlineData("SELECT * FROM generate_series(TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-02', INTERVAL 1 HOUR)")]
    [InlineData("SELECT unnest([1, 2, 3]) AS x")]
    [InlineData("FROM AGE LIMIT 5")]
    [InlineData("DESCRIBE age")]
    [InlineData("SUMMARIZE cohort")]
    [InlineData("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(n, s)")]
    [InlineData("SELECT 'frontier-1' GLOB 'frontier-*' AS matches")]
    [InlineData("WITH other AS (SELECT 1 AS x) SELECT * FROM other")]
    public void Validate_ReadOnlySelectOfItsTables_IsAccepted(string sql)
    {
        var error = Record.Exception(() => SqlQueryValidator.Validate(sql, s_tables));

        Assert.Null(error);
    }

    private static AnalysisArgumentException Reject(string sql)
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => SqlQueryValidator.Validate(sql, s_tables));
        Assert.Equal("query", error.Argument);
        return error;
    }
}
