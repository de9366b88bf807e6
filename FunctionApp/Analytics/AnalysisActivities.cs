using System.Globalization;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Statistics.Limma;
using Fractal.FunctionApp.Analytics.Charts;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// The analysis orchestration's steps. Each reads the datasets it needs from blobs itself, so its
/// input stays small: the job (session, task name, arguments) and, for kernels, the group or chunk.
/// </summary>
public sealed class AnalysisActivities
{
    private const string GroupsFolder = "groups/";

    private readonly AnalysisInputs _inputs;
    private readonly AnalysisResultStore _results;

    public AnalysisActivities(AnalysisInputs inputs, AnalysisResultStore results)
    {
        _inputs = inputs;
        _results = results;
    }

    [Function(nameof(PlanAnalysisGroups))]
    public async Task<GroupPlan> PlanAnalysisGroups([ActivityTrigger] AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.TaskName switch
        {
            CorrelationAnalysis.TaskName => await SplitAsync(job, CorrelationAnalysis.Plan(await _inputs.CorrelationAsync(job, cancellationToken)), p => p.Groups, cancellationToken),
            BoxplotAnalysis.TaskName => await SplitAsync(job, BoxplotAnalysis.Plan(await _inputs.BoxplotAsync(job, cancellationToken)), p => p.Groups, cancellationToken),
            HistogramAnalysis.TaskName => await SplitAsync(job, HistogramAnalysis.Plan(await _inputs.HistogramAsync(job, cancellationToken)), p => p.Groups, cancellationToken),
            SurvivalAnalysis.TaskName => await SplitAsync(job, SurvivalAnalysis.Plan(await _inputs.SurvivalAsync(job, cancellationToken)), p => p.Groups, cancellationToken),
            _ => throw new InvalidOperationException($"'{job.TaskName}' is not split into groups."),
        };
    }

    [Function(nameof(ComputeAnalysisGroup))]
    public async Task<string> ComputeAnalysisGroup([ActivityTrigger] GroupWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var args = await _inputs.ArgsAsync(work.Job, cancellationToken);
        var group = await _results.ReadJsonAsync(work.GroupBlob, cancellationToken);
        object statistics = work.Job.TaskName switch
        {
            CorrelationAnalysis.TaskName => Correlate(AnalyticsJson.Deserialize<CorrelationGroupInput>(group), CorrelationMethodNames.Parse(args.Text("method", "pearson"))),
            BoxplotAnalysis.TaskName => BoxplotAnalysis.Statistics(AnalyticsJson.Deserialize<BoxplotGroupInput>(group).Values),
            HistogramAnalysis.TaskName => HistogramAnalysis.Statistics(
                AnalyticsJson.Deserialize<HistogramGroupInput>(group).Values, args.WholeNumber("num_bins", 10), args.Number("bw_factor", 1.0)),
            SurvivalAnalysis.TaskName => Curve(AnalyticsJson.Deserialize<SurvivalGroupInput>(group), SurvivalEstimatorNames.Parse(args.Text("estimator", "KaplanMeier"))),
            _ => throw new InvalidOperationException($"'{work.Job.TaskName}' is not split into groups."),
        };
        return AnalyticsJson.Serialize(statistics);
    }

    [Function(nameof(MeasureFeatureMatrix))]
    public async Task<MatrixShape> MeasureFeatureMatrix([ActivityTrigger] AnalysisJob job, CancellationToken cancellationToken)
    {
        var (matrix, method) = await PrepareAsync(job, cancellationToken);
        if (method is not ("limma" or "welch"))
        {
            return new MatrixShape(matrix.Features.Count, method, [], []);
        }

        var (model, _) = matrix.ForSubsets();
        return new MatrixShape(matrix.Features.Count, method, [.. Enumerable.Range(0, model.ColumnCount).Select(model.GroupOf)], model.GroupNames);
    }

    [Function(nameof(FitLinearModels))]
    public async Task<string> FitLinearModels([ActivityTrigger] ChunkWork chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var (model, rows) = await ChunkRowsAsync(chunk, cancellationToken);
        return AnalyticsJson.Serialize(AsArgumentError(() => LinearModel.Fit(model, rows)));
    }

    [Function(nameof(EstimateLimmaPrior))]
    public static string EstimateLimmaPrior([ActivityTrigger] string[] fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        return AnalyticsJson.Serialize(AsArgumentError(() => EmpiricalBayesPrior.Estimate([.. fits.Select(AnalyticsJson.Deserialize<LinearFit>)])));
    }

    [Function(nameof(ModerateLimmaChunk))]
    public static string ModerateLimmaChunk([ActivityTrigger] ChunkWork chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Shape is null || chunk.Fit is null || chunk.Prior is null)
        {
            throw new ArgumentException("Moderation needs the matrix' shape, the chunk's fit and the prior.", nameof(chunk));
        }

        var model = new CellMeansModel(chunk.Shape.GroupOfColumn, chunk.Shape.GroupNames);
        var fit = AnalyticsJson.Deserialize<LinearFit>(chunk.Fit);
        var prior = AnalyticsJson.Deserialize<EmpiricalBayesPrior>(chunk.Prior);
        return AnalyticsJson.Serialize(ModeratedStatistics.Compute(model, fit, prior));
    }

    [Function(nameof(WelchChunk))]
    public async Task<string> WelchChunk([ActivityTrigger] ChunkWork chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var (model, rows) = await ChunkRowsAsync(chunk, cancellationToken);
        return AnalyticsJson.Serialize(WelchTTest.Compute(rows, [.. Enumerable.Range(0, model.ColumnCount).Select(model.GroupOf)]));
    }

    [Function(nameof(FinishAnalysis))]
    public async Task<AnalysisOutput> FinishAnalysis([ActivityTrigger] FinishWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.PlanBlob is { } planBlob)
        {
            work = work with { Plan = await _results.ReadJsonAsync(planBlob, cancellationToken) };
        }

        var job = work.Job;
        object result = job.TaskName switch
        {
            CorrelationAnalysis.TaskName => CorrelationAnalysis.Combine(Plan<CorrelationPlan>(work), Parts<CorrelationStatistics>(work)),
            BoxplotAnalysis.TaskName => BoxplotAnalysis.Combine(Plan<BoxplotPlan>(work), Parts<BoxplotStatistics>(work)),
            HistogramAnalysis.TaskName => HistogramAnalysis.Combine(Plan<HistogramPlan>(work), Parts<HistogramStatistics>(work)),
            SurvivalAnalysis.TaskName => SurvivalAnalysis.Combine(Plan<SurvivalPlan>(work), Parts<SurvivalCurve>(work)),
            HeatmapAnalysis.TaskName => await FinishHeatmapAsync(work, cancellationToken),
            VolcanoAnalysis.TaskName => await FinishVolcanoAsync(work, cancellationToken),
            PcaAnalysis.TaskName => PcaAnalysis.Run(await _inputs.PcaAsync(job, cancellationToken)),
            ClusterAnalysis.TaskName => ClusterAnalysis.Run(await _inputs.ClusterAsync(job, cancellationToken)),
            _ => throw new InvalidOperationException($"Unknown analysis '{job.TaskName}'."),
        };
        var output = await _results.SaveAsync(work.InstanceId, job.TaskName, result, AnalysisCharts.Draw(result), cancellationToken);
        await _results.DeleteAsync(work.InstanceId, cancellationToken, GroupsFolder);
        return output;
    }

    private async Task<HeatmapResult> FinishHeatmapAsync(FinishWork work, CancellationToken cancellationToken)
    {
        var arguments = await _inputs.HeatmapAsync(work.Job, cancellationToken);
        var matrix = HeatmapAnalysis.Prepare(arguments);
        if (arguments.RankingMethod != "limma")
        {
            return HeatmapAnalysis.Finish(matrix, HeatmapAnalysis.Rank(matrix, arguments.RankingMethod), arguments.MaxRows, arguments.RankingMethod);
        }

        var table = AssembleLimma(work);
        return HeatmapAnalysis.Finish(matrix, HeatmapStatistics.FromLimma(matrix.Features, table, arguments.RankBy), arguments.MaxRows, "limma");
    }

    private async Task<VolcanoResult> FinishVolcanoAsync(FinishWork work, CancellationToken cancellationToken)
    {
        var matrix = VolcanoAnalysis.Prepare(await _inputs.VolcanoAsync(work.Job, cancellationToken));
        var shape = Plan<MatrixShape>(work);
        var model = new CellMeansModel(shape.GroupOfColumn, shape.GroupNames);
        if (shape.Method == "limma")
        {
            return VolcanoAnalysis.FromLimma(matrix, model, AssembleLimma(work));
        }

        var tables = Parts<WelchTable>(work);
        var welch = new WelchTable(
            [.. tables.SelectMany(t => t.LogFC)],
            [.. tables.SelectMany(t => t.T)],
            [.. tables.SelectMany(t => t.PValue)],
            [.. tables.SelectMany(t => t.Df)],
            [.. tables.SelectMany(t => t.Problems)]);
        return VolcanoAnalysis.FromWelch(matrix, model, welch);
    }

    private static LimmaTable AssembleLimma(FinishWork work)
    {
        var shape = Plan<MatrixShape>(work);
        var model = new CellMeansModel(shape.GroupOfColumn, shape.GroupNames);
        return AsArgumentError(() => LimmaTable.Assemble(model, Parts<ModeratedStatistics>(work)));
    }

    private async Task<(FeatureMatrix Matrix, string Method)> PrepareAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.TaskName == HeatmapAnalysis.TaskName)
        {
            var heatmap = await _inputs.HeatmapAsync(job, cancellationToken);
            return (HeatmapAnalysis.Prepare(heatmap), heatmap.RankingMethod);
        }

        var volcano = await _inputs.VolcanoAsync(job, cancellationToken);
        return (VolcanoAnalysis.Prepare(volcano), volcano.RankingMethod);
    }

    private async Task<(CellMeansModel Model, double[][] Rows)> ChunkRowsAsync(ChunkWork chunk, CancellationToken cancellationToken)
    {
        var (matrix, _) = await PrepareAsync(chunk.Job, cancellationToken);
        var (model, rows) = matrix.ForSubsets();
        return (model, rows[chunk.Start..(chunk.Start + chunk.Count)]);
    }

    /// <summary>Writes the plan and each group's input as blobs of their own, so that what is passed on names them instead of carrying their data.</summary>
    private async Task<GroupPlan> SplitAsync<TPlan, TGroup>(AnalysisJob job, TPlan plan, Func<TPlan, IReadOnlyList<TGroup>> groups, CancellationToken cancellationToken)
    {
        var instanceId = job.InstanceId ?? throw new InvalidOperationException("The analysis job names no instance.");
        var inputs = groups(plan);
        var blobs = new string[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            blobs[i] = await _results.SaveJsonAsync(instanceId, string.Create(CultureInfo.InvariantCulture, $"{GroupsFolder}{i:D5}.json"), AnalyticsJson.Serialize(inputs[i]), cancellationToken);
        }

        return new(await _results.SaveJsonAsync(instanceId, $"{GroupsFolder}plan.json", AnalyticsJson.Serialize(plan), cancellationToken), blobs);
    }

    private static T Plan<T>(FinishWork work) =>
        AnalyticsJson.Deserialize<T>(work.Plan ?? throw new InvalidOperationException($"{work.Job.TaskName} needs its plan to finish."));

    private static List<T> Parts<T>(FinishWork work) => [.. work.Parts.Select(AnalyticsJson.Deserialize<T>)];

    private static CorrelationStatistics Correlate(CorrelationGroupInput group, CorrelationMethod method) =>
        CorrelationAnalysis.Statistics(group.X, group.Y, method);

    private static SurvivalCurve Curve(SurvivalGroupInput group, SurvivalEstimator estimator) =>
        SurvivalAnalysis.Curve(group.Times, group.Events, estimator);

    private static T AsArgumentError<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentException error) when (error is not AnalysisArgumentException)
        {
            throw new AnalysisArgumentException("numerical_arrays", error.Message);
        }
    }
}
