using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Correlation;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Correlation;

/// <summary><c>compute-correlation</c>: x against y per (subset, category) group, combined with one line per subset.</summary>
internal sealed class CorrelationDefinition : GroupedAnalysis<CorrelationPlan, CorrelationGroupInput, CorrelationStatistics, CorrelationResult>
{
    public override AnalysisSchema Schema => CorrelationAnalysis.Schema;

    public override IFractalisTask Fractalis { get; } = new CorrelationMapping();

    protected override async Task<CorrelationPlan> PlanAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await inputs.ArgsAsync(job, cancellationToken);
        return CorrelationAnalysis.Plan(new CorrelationArguments(
            await inputs.TableAsync(job.Session, args, "x", cancellationToken),
            await inputs.TableAsync(job.Session, args, "y", cancellationToken),
            Method(args),
            await inputs.ScopeAsync(job.Session, args, cancellationToken)));
    }

    protected override IReadOnlyList<CorrelationGroupInput> Groups(CorrelationPlan plan) => plan.Groups;

    protected override CorrelationStatistics Compute(AnalysisArgs args, CorrelationGroupInput group) =>
        CorrelationAnalysis.Statistics(group.X, group.Y, Method(args));

    protected override CorrelationResult Combine(CorrelationPlan plan, IReadOnlyList<CorrelationStatistics> parts) => CorrelationAnalysis.Combine(plan, parts);

    protected override IReadOnlyList<NamedPlot> Draw(CorrelationResult result) => [CorrelationChart.Draw(result)];

    private static CorrelationMethod Method(AnalysisArgs args) => CorrelationMethodNames.Parse(args.Text("method", "pearson"));
}
