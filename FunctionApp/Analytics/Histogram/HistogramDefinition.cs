using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Histogram;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Histogram;

/// <summary><c>compute-histogram</c>: bins, density and summary statistics per (subset, category) group.</summary>
internal sealed class HistogramDefinition : GroupedAnalysis<HistogramPlan, HistogramGroupInput, HistogramStatistics, HistogramResult>
{
    public override AnalysisSchema Schema => HistogramAnalysis.Schema;

    public override IFractalisTask Fractalis { get; } = new HistogramMapping();

    protected override async Task<HistogramPlan> PlanAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await inputs.ArgsAsync(job, cancellationToken);
        return HistogramAnalysis.Plan(new HistogramArguments(
            await inputs.TableAsync(job.Session, args, "data", cancellationToken),
            Bins(args),
            BandwidthFactor(args),
            await inputs.ScopeAsync(job.Session, args, cancellationToken)));
    }

    protected override IReadOnlyList<HistogramGroupInput> Groups(HistogramPlan plan) => plan.Groups;

    protected override HistogramStatistics Compute(AnalysisArgs args, HistogramGroupInput group) =>
        HistogramAnalysis.Statistics(group.Values, Bins(args), BandwidthFactor(args));

    protected override HistogramResult Combine(HistogramPlan plan, IReadOnlyList<HistogramStatistics> parts) => HistogramAnalysis.Combine(plan, parts);

    protected override IReadOnlyList<NamedPlot> Draw(HistogramResult result) => [HistogramChart.Draw(result)];

    private static int Bins(AnalysisArgs args) => args.WholeNumber("num_bins", 10);

    private static double BandwidthFactor(AnalysisArgs args) => args.Number("bw_factor", 1.0);
}
