using System.Text.Json;
using Fractal.Domain.Analyses.Sql;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Sql;

namespace Fractal.FunctionApp.Tests.Analytics.Sql;

/// <summary>How DuckDB's values and types reach a result and its JSON.</summary>
public sealed class SqlValuesTests
{
    [Theory]
    [InlineData("42::INTEGER", "INTEGER", SqlValueKind.Number, "42")]
    [InlineData("1.25::DECIMAL(10, 2)", "DECIMAL", SqlValueKind.Number, "1.25")]
    [InlineData("'nan'::DOUBLE", "DOUBLE", SqlValueKind.Number, "\"NaN\"")]
    [InlineData("'-inf'::DOUBLE", "DOUBLE", SqlValueKind.Number, "\"-Infinity\"")]
    [InlineData("12345678901234567890::HUGEINT", "HUGEINT", SqlValueKind.Number, "12345678901234567890")]
    [InlineData("TRUE", "BOOLEAN", SqlValueKind.Boolean, "true")]
    [InlineData("'frontier'", "VARCHAR", SqlValueKind.Text, "\"frontier\"")]
    [InlineData("NULL::VARCHAR", "VARCHAR", SqlValueKind.Text, "null")]
    [InlineData("TIMESTAMP '2024-03-01 10:15:30'", "TIMESTAMP", SqlValueKind.Time, "\"2024-03-01T10:15:30\"")]
    [InlineData("DATE '2024-03-01'", "DATE", SqlValueKind.Time, "\"2024-03-01\"")]
    [InlineData("INTERVAL 90 MINUTE", "INTERVAL", SqlValueKind.Other, "\"PT1H30M\"")]
    [InlineData("[1, 2]", "LIST", SqlValueKind.Other, "[1,2]")]
    [InlineData("{'hits': 3}", "STRUCT", SqlValueKind.Other, "{\"hits\":3}")]
    public void Run_Value_HasTheTypeKindAndJsonOfItsColumn(string literal, string type, SqlValueKind kind, string json)
    {
        using var sandbox = SqlSandbox.Open(new SqlSettings());

        var result = sandbox.Run($"SELECT {literal} AS v", 1, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(new SqlColumn("v", type, kind), result.Columns[0]);
        Assert.Equal(json, JsonSerializer.Serialize(result.Rows[0][0], AnalyticsJson.Options));
    }

    [Fact]
    public void Run_TimestampWithTimeZone_IsWrittenInUtc()
    {
        using var sandbox = SqlSandbox.Open(new SqlSettings());

        var result = sandbox.Run("SELECT TIMESTAMPTZ '2024-03-01 10:00:00+02' AS v", 1, TimeSpan.FromSeconds(10), CancellationToken.None);

        var written = JsonSerializer.Deserialize<DateTimeOffset>(JsonSerializer.Serialize(result.Rows[0][0], AnalyticsJson.Options));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), written);
    }

    [Fact]
    public void Run_HugeintBeyondDecimal_IsTheNearestDouble()
    {
        using var sandbox = SqlSandbox.Open(new SqlSettings());

        var result = sandbox.Run("SELECT 170141183460469231731687303715884105727::HUGEINT AS v", 1, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(Math.Pow(2, 127), Assert.IsType<double>(result.Rows[0][0]));
    }
}
