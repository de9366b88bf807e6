using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Cluster;
using Fractal.FunctionApp.Analytics;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>Reading an analysis' args: wrong JSON types name the argument.</summary>
public sealed class AnalysisArgsTests
{
    [Theory]
    [InlineData("""{"method": 3}""", "method")]
    [InlineData("""{"num_bins": 2.5}""", "num_bins")]
    [InlineData("""{"whiten": "yes"}""", "whiten")]
    [InlineData("""{"subsets": ["a", "b"]}""", "subsets")]
    [InlineData("""{"id_filter": [1, 2]}""", "id_filter")]
    public void Read_WrongJsonType_ThrowsNamingTheArgument(string json, string argument)
    {
        var args = AnalysisArgs.Parse(json);

        var error = Assert.Throws<AnalysisArgumentException>(() => ReadAll(args));

        Assert.Equal(argument, error.Argument);
    }

    [Fact]
    public void Options_FieldOfWrongType_ThrowsNamingTheField()
    {
        var args = AnalysisArgs.Parse("""{"options": {"n_row_clusters": "three"}}""");

        var error = Assert.Throws<AnalysisArgumentException>(() => args.Options<ClusterOptions>("options"));

        Assert.StartsWith("options", error.Argument, StringComparison.Ordinal);
        Assert.Contains("n_row_clusters", error.Argument, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_SingleString_IsAListOfOne()
    {
        var args = AnalysisArgs.Parse("""{"categories": "c1"}""");

        Assert.Equal(["c1"], args.Texts("categories"));
    }

    [Fact]
    public void Read_Missing_GivesTheDefault()
    {
        var args = new AnalysisArgs(default(JsonElement));

        Assert.Equal(10, args.WholeNumber("num_bins", 10));
        Assert.Equal("pearson", args.Text("method", "pearson"));
        Assert.Empty(args.TextLists("subsets"));
    }

    [Fact]
    public void Constructor_ArgsNotAnObject_ThrowsNamingArgs()
    {
        using var document = JsonDocument.Parse("[1, 2]");

        var error = Assert.Throws<AnalysisArgumentException>(() => new AnalysisArgs(document.RootElement));

        Assert.Equal("args", error.Argument);
    }

    private static void ReadAll(AnalysisArgs args)
    {
        args.Text("method");
        args.WholeNumber("num_bins", 10);
        args.Boolean("whiten", false);
        args.TextLists("subsets");
        args.Texts("id_filter");
    }
}
