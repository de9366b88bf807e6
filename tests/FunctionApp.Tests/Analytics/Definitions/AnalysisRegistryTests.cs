using Fractal.Domain.Analyses;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Definitions;

/// <summary>A walk over the registered analyses: each is whole (schema, shape, charts, Fractalis mapping or none).</summary>
public sealed class AnalysisRegistryTests
{
    public static TheoryData<string> TaskNames => [.. FractalisResult.Analyses.TaskNames];

    [Fact]
    public void Registry_ListsTheAnalysesOnceEach()
    {
        Assert.NotEmpty(FractalisResult.Analyses.All);
        Assert.Equal(FractalisResult.Analyses.All.Count, FractalisResult.Analyses.TaskNames.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void Definition_Schema_DescribesEveryParameter(string taskName)
    {
        var schema = FractalisResult.Analyses.Get(taskName).Schema;

        Assert.False(string.IsNullOrWhiteSpace(schema.Description));
        Assert.NotEmpty(schema.Parameters);
        Assert.All(schema.Parameters, parameter => Assert.False(string.IsNullOrWhiteSpace(parameter.Description), $"{taskName}.{parameter.Name} has no description."));
        Assert.Equal(schema.Parameters.Count, schema.Parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void Definition_FanOut_IsTheShapeItImplements(string taskName)
    {
        var definition = FractalisResult.Analyses.Get(taskName);

        var shape = definition switch
        {
            IGroupedAnalysis => AnalysisFanOut.Groups,
            IFeatureMatrixAnalysis => AnalysisFanOut.FeatureChunks,
            IWholeAnalysis => AnalysisFanOut.Whole,
            _ => (AnalysisFanOut?)null,
        };

        Assert.Equal(definition.FanOut, shape);
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void Definition_FractalisMapping_IsForItsOwnTaskOrMarkedNone(string taskName)
    {
        var mapping = FractalisResult.Analyses.Get(taskName).Fractalis;

        Assert.True(mapping is null || mapping.TaskName == taskName, $"{taskName} maps to Fractalis' {mapping?.TaskName}.");
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void Definition_DrawingAnotherAnalysisResult_ThrowsNamingItsTask(string taskName)
    {
        var error = Assert.Throws<ArgumentException>(() => FractalisResult.Analyses.Get(taskName).Draw(new object()));

        Assert.Contains(taskName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownTask_ThrowsNamingTaskNameAndListingTheAnalyses()
    {
        var error = Assert.Throws<AnalysisArgumentException>(() => FractalisResult.Analyses.Get("compute-anything"));

        Assert.Equal("task_name", error.Argument);
        Assert.All(FractalisResult.Analyses.TaskNames, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }
}
