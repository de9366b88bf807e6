using Fractal.FunctionApp.Orchestrations;
using Microsoft.DurableTask;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// Loads every dataset of a request in parallel: plan its partitions, extract each partition into a
/// Parquet part, combine the parts; one dataset failing does not fail its siblings.
/// </summary>
public static class EtlOrchestration
{
    public const string Name = "EtlOrchestrator";

    /// <summary>Transient source failures (time-outs, 5xx) are retried; the rest fail the dataset at once.</summary>
    private static readonly TaskOptions s_retry = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(30)));

    [Function(Name)]
    public static async Task<List<EtlDatasetOutcome>> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var job = context.GetInput<EtlJob>() ?? throw new InvalidOperationException("The ETL job has no input.");
        var done = 0;
        var fanOut = new BoundedFanOut(job.MaxParallel);
        context.SetCustomStatus(new EtlProgress(0, job.Datasets.Count));
        var outcomes = await Task.WhenAll(job.Datasets.Select(async dataset =>
        {
            var outcome = await LoadAsync(context, fanOut, job, dataset);
            context.SetCustomStatus(new EtlProgress(++done, job.Datasets.Count));
            return outcome;
        }));
        if (job.Upload is { } upload)
        {
            await context.CallActivityAsync(nameof(EtlActivities.DeleteUpload), new EtlUpload(job.Session, upload), s_retry);
        }

        return [.. outcomes];
    }

    private static async Task<EtlDatasetOutcome> LoadAsync(TaskOrchestrationContext context, BoundedFanOut fanOut, EtlJob job, EtlJobDataset dataset)
    {
        var work = new EtlWork(job.Session, dataset.DataId, job.Source, dataset, job.SealedToken);
        string error;
        try
        {
            var plan = await fanOut.RunAsync(() => context.CallActivityAsync<EtlStepResult>(nameof(EtlActivities.PlanDataset), work, s_retry));
            if (plan.Error is null)
            {
                var parts = await Task.WhenAll(plan.Partitions!.Select(partition => fanOut.RunAsync(() =>
                    context.CallActivityAsync<EtlStepResult>(nameof(EtlActivities.ExtractPartition), work with { Partition = partition }, s_retry))));
                var failed = parts.FirstOrDefault(p => p.Error is not null);
                if (failed is null)
                {
                    var combined = await fanOut.RunAsync(() => context.CallActivityAsync<EtlStepResult>(
                        nameof(EtlActivities.CombineParts), work with { Parts = [.. parts.Select(p => p.Part!)] }, s_retry));
                    if (combined.Error is null)
                    {
                        return new EtlDatasetOutcome(dataset.DataId, EtlState.Success, null, combined.Part!.RowCount);
                    }

                    error = combined.Error;
                }
                else
                {
                    error = failed.Error!;
                }
            }
            else
            {
                error = plan.Error;
            }
        }
        catch (TaskFailedException ex)
        {
            error = ex.FailureDetails.ErrorMessage;
        }

        await fanOut.RunAsync(() => context.CallActivityAsync(nameof(EtlActivities.FailDataset), new EtlFailure(work, error), s_retry));
        return new EtlDatasetOutcome(dataset.DataId, EtlState.Failure, error, 0);
    }
}
