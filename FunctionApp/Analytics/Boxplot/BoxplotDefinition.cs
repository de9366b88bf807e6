using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Boxplot;

/// <summary><c>compute-boxplot</c>: box statistics and densities per (variable, subset, category) group, and an ANOVA.</summary>
internal sealed class BoxplotDefinition : GroupedAnalysis<BoxplotPlan, BoxplotGroupInput, BoxplotStatistics, BoxplotResult>
{
    public override AnalysisSchema Schema => BoxplotAnalysis.Schema;

    public override IFractalisTask Fractalis { get; } = new BoxplotMapping();

    protected override async Task<BoxplotPlan> PlanAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await inputs.ArgsAsync(job, cancellationToken);
        return BoxplotAnalysis.Plan(new BoxplotArguments(
            await inputs.TablesAsync(job.Session, args, "variables", cancellationToken),
            BoxplotTransformationNames.Parse(args.Text("transformation", "identity")),
            await inputs.ScopeAsync(job.Session, args, cancellationToken)));
    }

    protected override IReadOnlyList<BoxplotGroupInput> Groups(BoxplotPlan plan) => plan.Groups;

    protected override BoxplotStatistics Compute(AnalysisArgs args, BoxplotGroupInput group) => BoxplotAnalysis.Statistics(group.Values);

    protected override BoxplotResult Combine(BoxplotPlan plan, IReadOnlyList<BoxplotStatistics> parts) => BoxplotAnalysis.Combine(plan, parts);

    protected override IReadOnlyList<NamedPlot> Draw(BoxplotResult result) => [BoxplotChart.Draw(result)];
}
