using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Analyses.Volcano;
using Fractal.FunctionApp.Analytics.Sql;
using Fractal.FunctionApp.Orchestrations;
using Microsoft.DurableTask;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Runs one analysis, fanning out where the work splits: one activity per (subset, category) group
/// for correlation, boxplot, histogram and survival; per chunk of features for heatmap and volcano
/// statistics (limma: fit per chunk, one prior across all fits, moderation per chunk; Welch: per
/// chunk); PCA and clustering in one activity. The last activity combines, draws and stores; a SQL
/// query runs, draws and stores in one activity of its own.
/// </summary>
public static class AnalysisOrchestration
{
    public const string Name = "AnalysisOrchestrator";

    /// <summary>Runs the analysis; a failed activity fails it with <see cref="AnalysisFailedException"/> naming the root failure.</summary>
    [Function(Name)]
    public static async Task<AnalysisOutput> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = (context.GetInput<AnalysisJob>() ?? throw new InvalidOperationException("The analysis job has no input.")) with { InstanceId = context.InstanceId };
        if (job.Refusal is { } refusal)
        {
            throw new NotSupportedException(refusal);
        }

        try
        {
            return await RunJobAsync(context, job);
        }
        catch (TaskFailedException failure)
        {
            throw AnalysisFailedException.From(failure);
        }
    }

    private static async Task<AnalysisOutput> RunJobAsync(TaskOrchestrationContext context, AnalysisJob job)
    {

        var fanOut = new BoundedFanOut(job.MaxParallel);
        switch (job.TaskName)
        {
            case CorrelationAnalysis.TaskName or BoxplotAnalysis.TaskName or HistogramAnalysis.TaskName or SurvivalAnalysis.TaskName:
                var plan = await context.CallActivityAsync<GroupPlan>(nameof(AnalysisActivities.PlanAnalysisGroups), job);
                if (plan.GroupBlobs.Count > job.MaxFanOut)
                {
                    throw new InvalidOperationException(
                        $"The subsets and categories make {plan.GroupBlobs.Count} groups; one analysis takes at most {job.MaxFanOut} ({AnalysisSettings.MaxFanOutSetting}).");
                }

                var parts = await Task.WhenAll(plan.GroupBlobs.Select(group => fanOut.RunAsync(() =>
                    context.CallActivityAsync<string>(nameof(AnalysisActivities.ComputeAnalysisGroup), new GroupWork(job, group)))));
                return await context.CallActivityAsync<AnalysisOutput>(
                    nameof(AnalysisActivities.FinishAnalysis), new FinishWork(job, context.InstanceId, null, parts, plan.PlanBlob));
            case HeatmapAnalysis.TaskName or VolcanoAnalysis.TaskName:
                return await RunMatrixAsync(context, job, fanOut);
            case SqlAnalysis.TaskName:
                return await context.CallActivityAsync<AnalysisOutput>(nameof(SqlActivities.RunSqlAnalysis), new FinishWork(job, context.InstanceId, null, []));
            default:
                return await FinishAsync(context, job, null, []);
        }
    }

    private static async Task<AnalysisOutput> RunMatrixAsync(TaskOrchestrationContext context, AnalysisJob job, BoundedFanOut fanOut)
    {
        var shape = await context.CallActivityAsync<MatrixShape>(nameof(AnalysisActivities.MeasureFeatureMatrix), job);

        // More features than the fan-out allows at this chunk size make larger chunks, not more of them.
        var size = Math.Max(Math.Max(1, job.ChunkSize), (shape.FeatureCount + job.MaxFanOut - 1) / Math.Max(1, job.MaxFanOut));
        var chunks = Enumerable.Range(0, (shape.FeatureCount + size - 1) / size)
            .Select(i => new ChunkWork(job, i * size, Math.Min(size, shape.FeatureCount - (i * size))))
            .ToList();
        switch (shape.Method)
        {
            case "limma":
                var fits = await Task.WhenAll(chunks.Select(chunk => fanOut.RunAsync(() => context.CallActivityAsync<string>(nameof(AnalysisActivities.FitLinearModels), chunk))));
                var prior = await context.CallActivityAsync<string>(nameof(AnalysisActivities.EstimateLimmaPrior), fits);
                var moderated = await Task.WhenAll(chunks.Select((chunk, i) => fanOut.RunAsync(() =>
                    context.CallActivityAsync<string>(nameof(AnalysisActivities.ModerateLimmaChunk), chunk with { Shape = shape, Fit = fits[i], Prior = prior }))));
                return await FinishAsync(context, job, AnalyticsJson.Serialize(shape), moderated);
            case "welch":
                var tests = await Task.WhenAll(chunks.Select(chunk => fanOut.RunAsync(() => context.CallActivityAsync<string>(nameof(AnalysisActivities.WelchChunk), chunk))));
                return await FinishAsync(context, job, AnalyticsJson.Serialize(shape), tests);
            default:
                return await FinishAsync(context, job, null, []);
        }
    }

    private static Task<AnalysisOutput> FinishAsync(TaskOrchestrationContext context, AnalysisJob job, string? plan, IReadOnlyList<string> parts) =>
        context.CallActivityAsync<AnalysisOutput>(nameof(AnalysisActivities.FinishAnalysis), new FinishWork(job, context.InstanceId, plan, parts));
}
