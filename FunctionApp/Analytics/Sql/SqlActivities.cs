using Fractal.FunctionApp.Analytics.Charts;

namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>
/// The <c>sql</c> analysis' one step: read the named datasets, run the query in a sandbox, store the
/// result and its chart. A query over the row or the time limit throws, so the orchestration ends
/// Failed with the limit in its error.
/// </summary>
public sealed class SqlActivities
{
    private readonly AnalysisInputs _inputs;
    private readonly AnalysisResultStore _results;
    private readonly SqlSettings _settings;

    public SqlActivities(AnalysisInputs inputs, AnalysisResultStore results, SqlSettings settings)
    {
        _inputs = inputs;
        _results = results;
        _settings = settings;
    }

    [Function(nameof(RunSqlAnalysis))]
    public async Task<AnalysisOutput> RunSqlAnalysis([ActivityTrigger] FinishWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var arguments = await _inputs.SqlAsync(work.Job, cancellationToken);
        var result = SqlQueryRunner.Run(arguments, _settings, cancellationToken);
        return await _results.SaveAsync(work.InstanceId, work.Job.TaskName, result, AnalysisCharts.Draw(result), cancellationToken);
    }
}
