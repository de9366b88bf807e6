using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Sql;

namespace Fractal.Domain.Tests.Analyses.Sql;

/// <summary>The <c>sql</c> analysis' schema and its rule for table names.</summary>
public sealed class SqlAnalysisTests
{
    [Theory]
    [InlineData("age")]
    [InlineData("_frontier_log")]
    [InlineData("T2")]
    public void CheckTableNames_SqlIdentifiers_AreAccepted(string name)
    {
        var error = Record.Exception(() => SqlAnalysis.CheckTableNames([name]));

        Assert.Null(error);
    }

    [Theory]
    [InlineData("2cohort")]
    [InlineData("my-table")]
    [InlineData("age; DROP TABLE x")]
    [InlineData("\"age\"")]
    [InlineData("")]
    public void CheckTableNames_NotAnIdentifier_IsRejectedNamingTheTable(string name)
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => SqlAnalysis.CheckTableNames(["age", name]));

        Assert.Equal($"tables.{name}", error.Argument);
    }

    [Fact]
    public void CheckTableNames_LongerThan63Characters_IsRejected()
    {
        var longest = new string('a', 63);

        var error = Assert.Throws<AnalysisArgumentException>(() => SqlAnalysis.CheckTableNames([longest, longest + "b"]));

        Assert.Equal($"tables.{longest}b", error.Argument);
    }

    [Fact]
    public void CheckTableNames_TwoNamesAlikeButForCase_AreRejected()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => SqlAnalysis.CheckTableNames(["Age", "age"]));

        Assert.Equal("tables.age", error.Argument);
    }

    [Fact]
    public void CheckTableNames_None_IsRejectedNamingTables()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => SqlAnalysis.CheckTableNames([]));

        Assert.Equal("tables", error.Argument);
    }

    [Fact]
    public void Schema_QueryAndTables_AreBothRequired()
    {
        var parameters = SqlAnalysis.Schema.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);

        Assert.Equal(ParameterKind.Text, parameters["query"].Kind);
        Assert.Equal(ParameterKind.DatasetMap, parameters["tables"].Kind);
        Assert.All(parameters.Values, p => Assert.True(p.Required));
    }
}
