using System.Globalization;
using System.Text.Json;
using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Statistics.Limma;
using Fractal.FunctionApp.Analytics.Definitions;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// The analysis orchestration's steps, each dispatched to the job's analysis definition in the
/// <see cref="AnalysisRegistry"/>. Each reads the datasets it needs from blobs itself, so its input stays small: the
/// job (session, task name, the blob of its arguments) and, for kernels, the group's blob or the chunk's range.
/// </summary>
public sealed class AnalysisActivities
{
    private const string GroupsFolder = "groups/";

    private readonly AnalysisRegistry _analyses;
    private readonly AnalysisInputs _inputs;
    private readonly AnalysisResultStore _results;

    public AnalysisActivities(AnalysisRegistry analyses, AnalysisInputs inputs, AnalysisResultStore results)
    {
        _analyses = analyses;
        _inputs = inputs;
        _results = results;
    }

    /// <summary>Plans a grouped analysis, writing the plan and each group's input as blobs of their own, so that what is passed on names them.</summary>
    [Function(nameof(PlanAnalysisGroups))]
    public async Task<GroupPlan> PlanAnalysisGroups([ActivityTrigger] AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var instanceId = job.InstanceId ?? throw new InvalidOperationException("The analysis job names no instance.");
        var split = await _analyses.Get<IGroupedAnalysis>(job.TaskName).PlanAsync(_inputs, job, cancellationToken);
        var blobs = new string[split.Groups.Count];
        for (var i = 0; i < blobs.Length; i++)
        {
            blobs[i] = await _results.SaveJsonAsync(instanceId, string.Create(CultureInfo.InvariantCulture, $"{GroupsFolder}{i:D5}.json"), split.Groups[i].GetRawText(), cancellationToken);
        }

        return new(await _results.SaveJsonAsync(instanceId, $"{GroupsFolder}plan.json", split.Plan.GetRawText(), cancellationToken), blobs);
    }

    [Function(nameof(ComputeAnalysisGroup))]
    public async Task<JsonElement> ComputeAnalysisGroup([ActivityTrigger] GroupWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var args = await _inputs.ArgsAsync(work.Job, cancellationToken);
        var group = await ReadBlobAsync(work.GroupBlob, cancellationToken);
        return _analyses.Get<IGroupedAnalysis>(work.Job.TaskName).ComputeGroup(args, group);
    }

    [Function(nameof(MeasureFeatureMatrix))]
    public async Task<MatrixShape> MeasureFeatureMatrix([ActivityTrigger] AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (matrix, method) = await _analyses.Get<IFeatureMatrixAnalysis>(job.TaskName).PrepareAsync(_inputs, job, cancellationToken);
        if (method is not ("limma" or "welch"))
        {
            return new MatrixShape(matrix.Features.Count, method, [], []);
        }

        var (model, _) = matrix.ForSubsets();
        return new MatrixShape(matrix.Features.Count, method, [.. Enumerable.Range(0, model.ColumnCount).Select(model.GroupOf)], model.GroupNames);
    }

    [Function(nameof(FitLinearModels))]
    public async Task<JsonElement> FitLinearModels([ActivityTrigger] ChunkWork chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var (model, rows) = await ChunkRowsAsync(chunk, cancellationToken);
        return AnalyticsJson.ToElement(FeatureChunkStatistics.AsArgumentError(() => LinearModel.Fit(model, rows)));
    }

    [Function(nameof(EstimateLimmaPrior))]
    public static JsonElement EstimateLimmaPrior([ActivityTrigger] JsonElement[] fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        return AnalyticsJson.ToElement(FeatureChunkStatistics.AsArgumentError(() => EmpiricalBayesPrior.Estimate([.. fits.Select(AnalyticsJson.FromElement<LinearFit>)])));
    }

    [Function(nameof(ModerateLimmaChunk))]
    public static JsonElement ModerateLimmaChunk([ActivityTrigger] ChunkWork chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Shape is null || chunk.Fit is not { } fit || chunk.Prior is not { } prior)
        {
            throw new ArgumentException("Moderation needs the matrix' shape, the chunk's fit and the prior.", nameof(chunk));
        }

        return AnalyticsJson.ToElement(ModeratedStatistics.Compute(
            chunk.Shape.Model(), AnalyticsJson.FromElement<LinearFit>(fit), AnalyticsJson.FromElement<EmpiricalBayesPrior>(prior)));
    }

    [Function(nameof(WelchChunk))]
    public async Task<JsonElement> WelchChunk([ActivityTrigger] ChunkWork chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var (model, rows) = await ChunkRowsAsync(chunk, cancellationToken);
        return AnalyticsJson.ToElement(WelchTTest.Compute(rows, [.. Enumerable.Range(0, model.ColumnCount).Select(model.GroupOf)]));
    }

    /// <summary>Combines (or, for an analysis computed whole, computes) the result, stores it with its charts, and removes the groups' blobs.</summary>
    [Function(nameof(FinishAnalysis))]
    public async Task<AnalysisOutput> FinishAnalysis([ActivityTrigger] FinishWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var job = work.Job;
        var analysis = _analyses.Get<IAnalysisDefinition>(job.TaskName);
        var result = analysis switch
        {
            IGroupedAnalysis grouped => grouped.Combine(
                await ReadBlobAsync(work.PlanBlob ?? throw new InvalidOperationException($"{job.TaskName} needs its plan to finish."), cancellationToken), work.Parts),
            IFeatureMatrixAnalysis matrix => await matrix.FinishAsync(
                _inputs, job, work.Shape ?? throw new InvalidOperationException($"{job.TaskName} needs its matrix' shape to finish."), work.Parts, cancellationToken),
            IWholeAnalysis whole => await whole.RunAsync(_inputs, job, cancellationToken),
            _ => throw new InvalidOperationException($"'{job.TaskName}' has no shape the orchestration runs."),
        };
        var output = await _results.SaveAsync(work.InstanceId, job.TaskName, result, analysis.Draw(result), cancellationToken);
        await _results.DeleteAsync(work.InstanceId, cancellationToken, GroupsFolder);
        return output;
    }

    private async Task<JsonElement> ReadBlobAsync(string blob, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await _results.ReadJsonAsync(blob, cancellationToken));
        return document.RootElement.Clone();
    }

    private async Task<(CellMeansModel Model, double[][] Rows)> ChunkRowsAsync(ChunkWork chunk, CancellationToken cancellationToken)
    {
        var (matrix, _) = await _analyses.Get<IFeatureMatrixAnalysis>(chunk.Job.TaskName).PrepareAsync(_inputs, chunk.Job, cancellationToken);
        var (model, rows) = matrix.ForSubsets();
        return (model, rows[chunk.Start..(chunk.Start + chunk.Count)]);
    }
}
