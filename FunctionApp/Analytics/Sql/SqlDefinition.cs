using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Sql;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>
/// <c>sql</c>: a read-only query over named datasets in a locked-down DuckDB, in one activity. A query over the row or
/// the time limit throws, so the orchestration ends Failed with the limit in its error. Fractalis has no such task.
/// </summary>
internal sealed class SqlDefinition : WholeAnalysis<SqlResult>
{
    private readonly SqlSettings _settings;

    public SqlDefinition(IOptions<SqlSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings.Value;
    }

    public override AnalysisSchema Schema => SqlAnalysis.Schema;

    public override IFractalisTask? Fractalis => null;

    /// <summary>The table names are SQL identifiers, and DuckDB's parser accepts the query as one read-only SELECT of those tables.</summary>
    public override Task ValidateAsync(AnalysisInputs inputs, string session, AnalysisArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var names = AnalysisInputs.DatasetMap(args, "tables").Select(entry => entry.Name).ToList();
        SqlAnalysis.CheckTableNames(names);
        SqlQueryValidator.Validate(args.Text("query") ?? string.Empty, names);
        return Task.CompletedTask;
    }

    protected override async Task<SqlResult> RunAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(job);
        var args = await inputs.ArgsAsync(job, cancellationToken);
        var query = args.Text("query") ?? throw new AnalysisArgumentException("query", "query is required.");
        var tables = await inputs.TableMapAsync(job.Session, args, "tables", cancellationToken);
        return SqlQueryRunner.Run(new SqlArguments(query, tables), _settings, cancellationToken);
    }

    protected override IReadOnlyList<NamedPlot> Draw(SqlResult result) => [SqlChart.Draw(result)];
}
