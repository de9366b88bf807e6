using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Survival;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Survival;

/// <summary><c>survival-analysis</c>: a curve per (subset, category) group, combined with the log-rank test across them.</summary>
internal sealed class SurvivalDefinition : GroupedAnalysis<SurvivalPlan, SurvivalGroupInput, SurvivalCurve, SurvivalResult>
{
    public override AnalysisSchema Schema => SurvivalAnalysis.Schema;

    public override IFractalisTask Fractalis { get; } = new SurvivalMapping();

    protected override async Task<SurvivalPlan> PlanAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await inputs.ArgsAsync(job, cancellationToken);
        return SurvivalAnalysis.Plan(new SurvivalArguments(
            await inputs.TableAsync(job.Session, args, "durations", cancellationToken),
            args.Has("event_observed") ? await inputs.TableAsync(job.Session, args, "event_observed", cancellationToken) : null,
            Estimator(args),
            await inputs.ScopeAsync(job.Session, args, cancellationToken)));
    }

    protected override IReadOnlyList<SurvivalGroupInput> Groups(SurvivalPlan plan) => plan.Groups;

    protected override SurvivalCurve Compute(AnalysisArgs args, SurvivalGroupInput group) => SurvivalAnalysis.Curve(group.Times, group.Events, Estimator(args));

    protected override SurvivalResult Combine(SurvivalPlan plan, IReadOnlyList<SurvivalCurve> parts) => SurvivalAnalysis.Combine(plan, parts);

    protected override IReadOnlyList<NamedPlot> Draw(SurvivalResult result) => [SurvivalChart.Draw(result)];

    private static SurvivalEstimator Estimator(AnalysisArgs args) => SurvivalEstimatorNames.Parse(args.Text("estimator", "KaplanMeier"));
}
