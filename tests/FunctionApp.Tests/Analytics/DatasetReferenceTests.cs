using Fractal.Domain.Analyses;
using Fractal.FunctionApp.Analytics;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>Dataset arguments: an id, or an object with the id and a feature filter.</summary>
public sealed class DatasetReferenceTests
{
    [Fact]
    public void Dataset_String_IsTheIdWithNoFilter()
    {
        var reference = AnalysisArgs.Parse("""{"x": "d1"}""").Dataset("x");

        Assert.Equal("d1", reference!.Id);
        Assert.Empty(reference.Keep);
    }

    [Fact]
    public void Dataset_ObjectWithFeatureFilter_KeepsTheListedFeatures()
    {
        var reference = AnalysisArgs.Parse("""{"x": {"id": "d1", "filters": {"feature": ["g1", "g2"]}}}""").Dataset("x");

        Assert.Equal("d1", reference!.Id);
        Assert.Equal(["g1", "g2"], reference.Keep);
    }

    [Fact]
    public void Datasets_ListOfBothForms_ReadsEach()
    {
        var references = AnalysisArgs.Parse("""{"xs": ["d1", {"id": "d2"}]}""").Datasets("xs");

        Assert.Equal(["d1", "d2"], references.Select(r => r.Id));
    }

    [Theory]
    [InlineData("""{"x": {"filters": {}}}""", "x")]
    [InlineData("""{"x": 5}""", "x")]
    [InlineData("""{"x": {"id": "d1", "filters": {"value": ["a"]}}}""", "x.filters.value")]
    [InlineData("""{"x": {"id": "d1", "filters": {"feature": "g1"}}}""", "x.filters.feature")]
    [InlineData("""{"x": {"id": "d1", "filters": ["g1"]}}""", "x.filters")]
    public void Dataset_Malformed_ThrowsNamingTheArgument(string json, string argument)
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => AnalysisArgs.Parse(json).Dataset("x"));

        Assert.Equal(argument, error.Argument);
    }
}
