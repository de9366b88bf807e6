using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Analyses.Survival;

namespace Fractal.Domain.Tests.Analyses;

public sealed class AnalysisSchemaTests
{
    public static TheoryData<string, string> AllowedValues => new()
    {
        { CorrelationAnalysis.TaskName, "method" },
        { BoxplotAnalysis.TaskName, "transformation" },
        { SurvivalAnalysis.TaskName, "estimator" },
    };

    private static readonly Dictionary<string, AnalysisSchema> s_schemas = new[]
    {
        CorrelationAnalysis.Schema, BoxplotAnalysis.Schema, HistogramAnalysis.Schema, SurvivalAnalysis.Schema, PcaAnalysis.Schema,
    }.ToDictionary(schema => schema.TaskName);

    [Theory]
    [InlineData(CorrelationAnalysis.TaskName)]
    [InlineData(BoxplotAnalysis.TaskName)]
    [InlineData(HistogramAnalysis.TaskName)]
    [InlineData(SurvivalAnalysis.TaskName)]
    [InlineData(PcaAnalysis.TaskName)]
    public void Schema_EveryAnalysis_ListsTheCommonArgumentsOnce(string taskName)
    {
        var names = s_schemas[taskName].Parameters.Select(parameter => parameter.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("id_filter", names);
        Assert.Contains("subsets", names);
        Assert.Contains("categories", names);
    }

    [Theory]
    [MemberData(nameof(AllowedValues))]
    public void Schema_AllowedValuesAndDefault_AreAcceptedByTheParser(string taskName, string argument)
    {
        var parameter = s_schemas[taskName].Parameters.Single(parameter => parameter.Name == argument);
        Func<string, object> parse = argument switch
        {
            "method" => name => CorrelationMethodNames.Parse(name),
            "transformation" => name => BoxplotTransformationNames.Parse(name),
            _ => name => SurvivalEstimatorNames.Parse(name),
        };

        Assert.NotEmpty(parameter.AllowedValues);
        Assert.Contains((string)parameter.Default!, parameter.AllowedValues);
        Assert.Equal(parameter.AllowedValues.Count, parameter.AllowedValues.Select(parse).Distinct().Count());
    }

    [Fact]
    public void Serialize_Schema_UsesSnakeCaseNamesAndKindNames()
    {
        var json = JsonSerializer.Serialize(HistogramAnalysis.Schema);

        Assert.Contains("\"task_name\":\"compute-histogram\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"integer\"", json, StringComparison.Ordinal);
        Assert.Contains("\"allowed_values\":[]", json, StringComparison.Ordinal);
    }
}
