using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Analyses.Volcano;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Volcano;

/// <summary>
/// <c>compute-volcanoplot</c>: fold changes against p-values of every feature, by limma or Welch's t test in chunks of
/// features, or by DESeq2 over the whole matrix when finishing.
/// </summary>
internal sealed class VolcanoDefinition : AnalysisDefinition<VolcanoResult>, IFeatureMatrixAnalysis
{
    public override AnalysisSchema Schema => VolcanoAnalysis.Schema;

    public override AnalysisFanOut FanOut => AnalysisFanOut.FeatureChunks;

    public override IFractalisTask Fractalis { get; } = new VolcanoMapping();

    /// <summary>The ranking method must be one the subsets' count allows.</summary>
    public override Task ValidateAsync(AnalysisInputs inputs, string session, AnalysisArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        VolcanoAnalysis.CheckSubsetCount(args.Text("ranking_method", "limma")!, new AnalysisScope(null, args.TextLists("subsets"), null).SubsetCount);
        return Task.CompletedTask;
    }

    public async Task<(FeatureMatrix Matrix, string Method)> PrepareAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var arguments = await ArgumentsAsync(inputs, job, cancellationToken);
        return (VolcanoAnalysis.Prepare(arguments), arguments.RankingMethod);
    }

    public async Task<object> FinishAsync(AnalysisInputs inputs, AnalysisJob job, MatrixShape shape, IReadOnlyList<JsonElement> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var arguments = await ArgumentsAsync(inputs, job, cancellationToken);
        var matrix = VolcanoAnalysis.Prepare(arguments);
        return shape.Method switch
        {
            "limma" => VolcanoAnalysis.FromLimma(matrix, shape.Model(), FeatureChunkStatistics.Limma(shape, parts)),
            "welch" => VolcanoAnalysis.FromWelch(matrix, shape.Model(), FeatureChunkStatistics.Welch(parts)),
            _ => VolcanoAnalysis.RunDESeq2(matrix, arguments.MinTotalRowCount),
        };
    }

    protected override IReadOnlyList<NamedPlot> Draw(VolcanoResult result) => [VolcanoChart.Draw(result)];

    private static async Task<VolcanoArguments> ArgumentsAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(job);
        var args = await inputs.ArgsAsync(job, cancellationToken);
        return new VolcanoArguments(
            await inputs.TablesAsync(job.Session, args, "numerical_arrays", cancellationToken),
            args.Text("ranking_method", "limma")!,
            await inputs.ScopeAsync(job.Session, args, cancellationToken),
            args.WholeNumber("min_total_row_count", 0));
    }
}
