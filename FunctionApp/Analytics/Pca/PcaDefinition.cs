using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Pca;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Pca;

/// <summary><c>compute-pca</c>: principal components of the features, in one activity.</summary>
internal sealed class PcaDefinition : WholeAnalysis<PcaResult>
{
    public override AnalysisSchema Schema => PcaAnalysis.Schema;

    public override IFractalisTask Fractalis { get; } = new PcaMapping();

    protected override async Task<PcaResult> RunAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await inputs.ArgsAsync(job, cancellationToken);
        return PcaAnalysis.Run(new PcaArguments(
            await inputs.TablesAsync(job.Session, args, "features", cancellationToken),
            args.Boolean("whiten", false),
            await inputs.ScopeAsync(job.Session, args, cancellationToken)));
    }

    protected override IReadOnlyList<NamedPlot> Draw(PcaResult result) => PcaCharts.Draw(result);
}
