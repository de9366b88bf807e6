using System.Diagnostics;
using DuckDB.NET.Data;
using Fractal.FunctionApp.Analytics.Sql;

namespace Fractal.FunctionApp.Tests.Analytics.Sql;

/// <summary>The sandbox a query runs in: locked settings, no files, loaded tables, and the row and time limits.</summary>
public sealed class SqlSandboxTests
{
    private static readonly SqlSettings s_settings = new() { MaxRows = 1_000, TimeoutSeconds = 30, MemoryLimitMegabytes = 256, Threads = 1 };

    [Theory]
    [InlineData("SET enable_external_access = true")]
    [InlineData("RESET enable_external_access")]
    [InlineData("SET lock_configuration = false")]
    [InlineData("RESET lock_configuration")]
    [InlineData("SET autoload_known_extensions = true")]
    [InlineData("SET autoinstall_known_extensions = true")]
    [InlineData("SET allow_community_extensions = true")]
    [InlineData("SET memory_limit = '64GB'")]
    [InlineData("SET threads = 64")]
    [InlineData("SET temp_directory = '/tmp/spill'")]
    [InlineData("PRAGMA memory_limit = '64GB'")]
    [InlineData("RESET ALL")]
    public void Run_StatementThatWouldUndoTheLockDown_FailsAndChangesNothing(string statement)
    {
        using var sandbox = SqlSandbox.Open(s_settings);
        var before = Settings(sandbox);

        Assert.Throws<DuckDBException>(() => sandbox.Run(statement, 10, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Equal(before, Settings(sandbox));
    }

    [Fact]
    public void Open_LockDown_TurnsOffExternalAccessAndExtensionLoadingAndLocksTheConfiguration()
    {
        using var sandbox = SqlSandbox.Open(s_settings);

        var settings = Settings(sandbox);

        Assert.Equal("false", settings["enable_external_access"]);
        Assert.Equal("false", settings["autoload_known_extensions"]);
        Assert.Equal("false", settings["autoinstall_known_extensions"]);
        Assert.Equal("true", settings["lock_configuration"]);
        Assert.Equal(s_settings.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture), settings["threads"]);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')")]
    [InlineData("SELECT * FROM glob('/etc/*')")]
    [InlineData("ATTACH '/tmp/fractal-sandbox-test.duckdb' AS other")]
    [InlineData("COPY (SELECT 1) TO '/tmp/fractal-sandbox-test.csv'")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    public void Run_FileOrExtensionAccessEvenUnchecked_IsDenied(string statement)
    {
        using var sandbox = SqlSandbox.Open(s_settings);

        var error = Assert.Throws<DuckDBException>(() => sandbox.Run(statement, 10, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Contains("disabled", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_NumericTable_KeepsEveryRowWithMissingValuesAsNull()
    {
        var table = SqlTestTables.Numbers(300, seed: 1, missingShare: 0.2);
        using var sandbox = SqlSandbox.Open(s_settings);
        sandbox.Load("age", table);

        var result = sandbox.Run("SELECT count(*) AS n, count(value) AS present, typeof(any_value(value)) AS type FROM age", 10, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal((long)table.RowCount, result.Rows[0][0]);
        Assert.Equal((long)table.Numbers.Count(double.IsFinite), result.Rows[0][1]);
        Assert.Equal("DOUBLE", result.Rows[0][2]);
    }

    [Fact]
    public void Load_CategoricalTable_HasTextValuesWithMissingAsNull()
    {
        var table = SqlTestTables.Labels(300, seed: 2, ["A", "B"], missingShare: 0.2);
        using var sandbox = SqlSandbox.Open(s_settings);
        sandbox.Load("cohort", table);

        var result = sandbox.Run("SELECT id, feature, value FROM cohort ORDER BY id", 1_000, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(["VARCHAR", "VARCHAR", "VARCHAR"], result.Columns.Select(c => c.Type));
        Assert.Equal(table.Labels, result.Rows.Select(row => (string?)row[2]));
        Assert.Equal(table.Ids, result.Rows.Select(row => (string)row[0]!));
    }

    [Fact]
    public void Run_MoreRowsThanTheLimit_FailsNamingTheRowLimitAndItsValue()
    {
        using var sandbox = SqlSandbox.Open(s_settings);
        sandbox.Load("age", SqlTestTables.Numbers(50, seed: 3));

        var error = Assert.Throws<SqlLimitExceededException>(() => sandbox.Run("SELECT * FROM age", 49, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Contains("row limit of 49", error.Message, StringComparison.Ordinal);
        Assert.Contains("FRACTAL_SQL_MAX_ROWS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AsManyRowsAsTheLimit_ReturnsThemAll()
    {
        using var sandbox = SqlSandbox.Open(s_settings);
        sandbox.Load("age", SqlTestTables.Numbers(50, seed: 3));

        var result = sandbox.Run("SELECT * FROM age", 50, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(50, result.RowCount);
    }

    [Fact]
    public void Run_QueryPastTheTimeLimit_IsInterruptedAndFailsNamingTheTimeLimit()
    {
        using var sandbox = SqlSandbox.Open(s_settings);
        sandbox.Load("age", SqlTestTables.Numbers(100_000, seed: 4));
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<SqlLimitExceededException>(() =>
            sandbox.Run("SELECT count(*) FROM age a, age b WHERE a.value + b.value < 0", 10, TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains("time limit of 1 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("FRACTAL_SQL_TIMEOUT_SECONDS", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The query was interrupted only after {clock.Elapsed}.");
    }

    [Fact]
    public void Run_CallerCancels_IsACancellationNotALimit()
    {
        using var sandbox = SqlSandbox.Open(s_settings);
        sandbox.Load("age", SqlTestTables.Numbers(100_000, seed: 4));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var error = Record.Exception(() =>
            sandbox.Run("SELECT count(*) FROM age a, age b WHERE a.value + b.value < 0", 10, TimeSpan.FromSeconds(30), cancellation.Token));

        Assert.IsNotType<SqlLimitExceededException>(error);
        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public void Run_ResultOverTheMemoryLimit_FailsWithoutSpillingToDisk()
    {
        using var sandbox = SqlSandbox.Open(new SqlSettings { MaxRows = s_settings.MaxRows, TimeoutSeconds = s_settings.TimeoutSeconds, MemoryLimitMegabytes = 64, Threads = s_settings.Threads });
        sandbox.Load("age", SqlTestTables.Numbers(20_000, seed: 5));

        var error = Assert.Throws<DuckDBException>(() =>
            sandbox.Run("SELECT a.id, b.id FROM age a, age b ORDER BY a.value, b.value", 10, TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.Contains("Out of Memory", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(SqlSandbox sandbox)
    {
        var result = sandbox.Run(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoload_known_extensions', "
            + "'autoinstall_known_extensions', 'allow_community_extensions', 'memory_limit', 'threads', 'temp_directory')",
            100, TimeSpan.FromSeconds(10), CancellationToken.None);
        return result.Rows.ToDictionary(row => (string)row[0]!, row => (string)row[1]!, StringComparer.Ordinal);
    }

}
