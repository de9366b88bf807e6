using System.Text.Json;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Orchestrations;
using Microsoft.DurableTask;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Runs one analysis in the shape its definition declares (<see cref="AnalysisJob.FanOut"/>): one activity per
/// (subset, category) group between a plan and a combine; per chunk of features for feature-matrix statistics (limma:
/// fit per chunk, one prior across all fits, moderation per chunk; Welch: per chunk); or one activity for the whole.
/// The last activity combines, draws and stores. No more activities than the job's <c>MaxParallel</c> run at once.
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
            var fanOut = new BoundedFanOut(job.MaxParallel);
            return job.FanOut switch
            {
                AnalysisFanOut.Groups => await RunGroupsAsync(context, job, fanOut),
                AnalysisFanOut.FeatureChunks => await RunFeatureChunksAsync(context, job, fanOut),
                _ => await FinishAsync(context, new FinishWork(job, context.InstanceId, [])),
            };
        }
        catch (TaskFailedException failure)
        {
            throw AnalysisFailedException.From(failure);
        }
    }

    private static async Task<AnalysisOutput> RunGroupsAsync(TaskOrchestrationContext context, AnalysisJob job, BoundedFanOut fanOut)
    {
        var plan = await context.CallActivityAsync<GroupPlan>(nameof(AnalysisActivities.PlanAnalysisGroups), job);
        if (plan.GroupBlobs.Count > job.MaxFanOut)
        {
            throw new InvalidOperationException(
                $"The subsets and categories make {plan.GroupBlobs.Count} groups; one analysis takes at most {job.MaxFanOut} ({AnalysisSettings.MaxFanOutSetting}).");
        }

        var parts = await Task.WhenAll(plan.GroupBlobs.Select(group => fanOut.RunAsync(() =>
            context.CallActivityAsync<JsonElement>(nameof(AnalysisActivities.ComputeAnalysisGroup), new GroupWork(job, group)))));
        return await FinishAsync(context, new FinishWork(job, context.InstanceId, parts, PlanBlob: plan.PlanBlob));
    }

    private static async Task<AnalysisOutput> RunFeatureChunksAsync(TaskOrchestrationContext context, AnalysisJob job, BoundedFanOut fanOut)
    {
        var shape = await context.CallActivityAsync<MatrixShape>(nameof(AnalysisActivities.MeasureFeatureMatrix), job);

        // More features than the fan-out allows at this chunk size make larger chunks, not more of them.
        var size = Math.Max(Math.Max(1, job.ChunkSize), (shape.FeatureCount + job.MaxFanOut - 1) / Math.Max(1, job.MaxFanOut));
        var chunks = Enumerable.Range(0, (shape.FeatureCount + size - 1) / size)
            .Select(i => new ChunkWork(job, i * size, Math.Min(size, shape.FeatureCount - (i * size))))
            .ToList();
        JsonElement[] parts;
        switch (shape.Method)
        {
            case "limma":
                var fits = await Task.WhenAll(chunks.Select(chunk => fanOut.RunAsync(() => context.CallActivityAsync<JsonElement>(nameof(AnalysisActivities.FitLinearModels), chunk))));
                var prior = await context.CallActivityAsync<JsonElement>(nameof(AnalysisActivities.EstimateLimmaPrior), fits);
                parts = await Task.WhenAll(chunks.Select((chunk, i) => fanOut.RunAsync(() =>
                    context.CallActivityAsync<JsonElement>(nameof(AnalysisActivities.ModerateLimmaChunk), chunk with { Shape = shape, Fit = fits[i], Prior = prior }))));
                break;
            case "welch":
                parts = await Task.WhenAll(chunks.Select(chunk => fanOut.RunAsync(() => context.CallActivityAsync<JsonElement>(nameof(AnalysisActivities.WelchChunk), chunk))));
                break;
            default:
                parts = [];
                break;
        }

        return await FinishAsync(context, new FinishWork(job, context.InstanceId, parts, Shape: shape));
    }

    private static Task<AnalysisOutput> FinishAsync(TaskOrchestrationContext context, FinishWork work) =>
        context.CallActivityAsync<AnalysisOutput>(nameof(AnalysisActivities.FinishAnalysis), work);
}
