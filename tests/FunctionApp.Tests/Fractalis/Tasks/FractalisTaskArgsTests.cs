using Fractal.Domain.Analyses.Correlation;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Tests.Fractalis.Tasks;

/// <summary>What every task's translation shares: task names, ids and the shapes of arguments.</summary>
public sealed class FractalisTaskArgsTests
{
    [Fact]
    public void ToNative_NumericIdsInSubsets_AreReadAsText()
    {
        var args = FractalisResult.Args("""{"x": "a", "y": "b", "subsets": [[1, 2], ["3"]]}""");

        var native = FractalisResult.ToNative(CorrelationAnalysis.TaskName, args);

        Assert.Equal(["1", "2"], native["subsets"]![0]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal("3", native["subsets"]![1]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"x": "a", "y": "b", "subsets": ["S01"]}""", "subsets[0]")]
    [InlineData("""{"x": "a", "y": "b", "subsets": "S01"}""", "subsets")]
    [InlineData("""{"x": "a", "y": "b", "id_filter": [["S01"]]}""", "id_filter[0]")]
    [InlineData("""{"x": {"filters": {}}, "y": "b"}""", "x")]
    [InlineData("""{"x": "", "y": "b"}""", "x")]
    [InlineData("""{"x": "a", "y": "b", "categories": ["c", 3]}""", "categories[1]")]
    [InlineData("""{"x": "a", "y": "b", "method": 1}""", "method")]
    public void ToNative_WrongShape_ThrowsNamingTheArgument(string json, string argument)
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisResult.ToNative(CorrelationAnalysis.TaskName, FractalisResult.Args(json)));

        Assert.Equal(argument, error.Argument);
    }

    [Fact]
    public void ToNative_NullOptionalArguments_AreEmpty()
    {
        var args = FractalisResult.Args("""{"x": "a", "y": "b", "id_filter": null, "subsets": null, "categories": null, "method": null}""");

        var native = FractalisResult.ToNative(CorrelationAnalysis.TaskName, args);

        Assert.Empty(native["id_filter"]!.AsArray());
        Assert.Empty(native["subsets"]!.AsArray());
        Assert.Empty(native["categories"]!.AsArray());
        Assert.False(native.ContainsKey("method"));
    }
}
