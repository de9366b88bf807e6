using System.Text.Json;
using System.Text.Json.Serialization;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Statistics.Limma;
using Fractal.Domain.Tests.Statistics;

namespace Fractal.Domain.Tests.Analyses.Heatmap;

public sealed class HeatmapPipelineTests
{
    private static readonly JsonSerializerOptions s_options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public void Finish_LimmaComputedInChunks_EqualsRun()
    {
        var fixture = ReferenceFixture.Load("limma", "three_groups");
        var rows = ReferenceFixture.Rows(fixture.GetProperty("rows"));
        var groups = ReferenceFixture.Integers(fixture.GetProperty("groups"));
        var arguments = new HeatmapArguments([ArrayTables.FromRows(rows)], "limma", 25, new AnalysisScope(null, ArrayTables.Subsets(groups), null));
        var oneShot = HeatmapAnalysis.Run(arguments);

        var matrix = HeatmapAnalysis.Prepare(arguments);
        var (model, limmaRows) = matrix.ForSubsets();
        var fits = limmaRows.Chunk(64).Select(chunk => LinearModel.Fit(model, chunk)).ToArray();
        var prior = EmpiricalBayesPrior.Estimate(fits);
        var table = LimmaTable.Assemble(model, [.. fits.Select(fit => ModeratedStatistics.Compute(model, fit, prior))]);
        var chunked = HeatmapAnalysis.Finish(matrix, HeatmapStatistics.FromLimma(matrix.Features, table), arguments.MaxRows, arguments.RankingMethod);

        Assert.Equal(oneShot.Statistics.Features, chunked.Statistics.Features);
        Assert.Equal(oneShot.Statistics.Column("F"), chunked.Statistics.Column("F"));
        Assert.Equal(oneShot.RowOrder, chunked.RowOrder);
        Assert.Equal(oneShot.ColumnOrder, chunked.ColumnOrder);
    }

    [Fact]
    public void Result_Serialized_HasFractalisStatsColumns()
    {
        double[][] rows = [[1, 2, 3], [4, 4, 4]];
        var result = HeatmapAnalysis.Run(new HeatmapArguments([ArrayTables.FromRows(rows)], "mean", 10, new AnalysisScope()));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result, s_options));

        var stats = json.RootElement.GetProperty("stats");
        Assert.Equal(["feature", "mean"], stats.EnumerateObject().Select(property => property.Name));
        Assert.Equal(4.0, stats.GetProperty("mean")[0].GetDouble());
        Assert.Equal("NaN", json.RootElement.GetProperty("data")[0].GetProperty("zscore").GetString());
    }
}
