using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Heatmap;

/// <summary><c>compute-heatmap</c>: z-scores of the top-ranked features; ranked by limma in chunks of features, or at the finish.</summary>
internal sealed class HeatmapDefinition : AnalysisDefinition<HeatmapResult>, IFeatureMatrixAnalysis
{
    public override AnalysisSchema Schema => HeatmapAnalysis.Schema;

    public override AnalysisFanOut FanOut => AnalysisFanOut.FeatureChunks;

    public override IFractalisTask Fractalis { get; } = new HeatmapMapping();

    public async Task<(FeatureMatrix Matrix, string Method)> PrepareAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var arguments = await ArgumentsAsync(inputs, job, cancellationToken);
        return (HeatmapAnalysis.Prepare(arguments), arguments.RankingMethod);
    }

    public async Task<object> FinishAsync(AnalysisInputs inputs, AnalysisJob job, MatrixShape shape, IReadOnlyList<JsonElement> parts, CancellationToken cancellationToken)
    {
        var arguments = await ArgumentsAsync(inputs, job, cancellationToken);
        var matrix = HeatmapAnalysis.Prepare(arguments);
        return arguments.RankingMethod == "limma"
            ? HeatmapAnalysis.Finish(matrix, HeatmapStatistics.FromLimma(matrix.Features, FeatureChunkStatistics.Limma(shape, parts), arguments.RankBy), arguments.MaxRows, "limma")
            : HeatmapAnalysis.Finish(matrix, HeatmapAnalysis.Rank(matrix, arguments.RankingMethod), arguments.MaxRows, arguments.RankingMethod);
    }

    protected override IReadOnlyList<NamedPlot> Draw(HeatmapResult result) => [HeatmapChart.Draw(result)];

    private static async Task<HeatmapArguments> ArgumentsAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(job);
        var args = await inputs.ArgsAsync(job, cancellationToken);
        return new HeatmapArguments(
            await inputs.TablesAsync(job.Session, args, "numerical_arrays", cancellationToken),
            args.Text("ranking_method", "mean")!,
            args.WholeNumber("max_rows", 100),
            await inputs.ScopeAsync(job.Session, args, cancellationToken),
            args.Text("rank_by", LimmaRankColumns.PValue)!);
    }
}
