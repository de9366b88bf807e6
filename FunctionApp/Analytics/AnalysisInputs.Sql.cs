using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Analytics.Sql;

namespace Fractal.FunctionApp.Analytics;

/// <summary>The inputs of <c>sql</c> and of any argument that maps names to datasets.</summary>
public sealed partial class AnalysisInputs
{
    public async Task<SqlArguments> SqlAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        var query = args.Text("query") ?? throw new AnalysisArgumentException("query", "query is required.");
        var tables = new Dictionary<string, DatasetTable>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, reference) in DatasetMap(args, "tables"))
        {
            tables.Add(name, await ReadAsync(job.Session, $"tables.{name}", reference, cancellationToken));
        }

        return new SqlArguments(query, tables);
    }

    /// <summary>An object of names mapped to dataset references (an id, or <c>{"id", "filters"}</c>), in the order given.</summary>
    private static List<(string Name, DatasetReference Reference)> DatasetMap(AnalysisArgs args, string argument) =>
        [.. args.Options<Dictionary<string, JsonElement>>(argument).Select(entry => (entry.Key, DatasetReference.Parse(entry.Value, $"{argument}.{entry.Key}")))];

    /// <summary>Each dataset of a name → data id object must be the session's, SUCCESS, and of an accepted type; named <c>{argument}.{name}</c>.</summary>
    private async Task CheckDatasetMapAsync(string session, AnalysisParameter parameter, AnalysisArgs args, CancellationToken cancellationToken)
    {
        foreach (var (name, reference) in DatasetMap(args, parameter.Name))
        {
            await CheckDatasetAsync(session, $"{parameter.Name}.{name}", reference.Id, parameter.DataTypes, cancellationToken);
        }
    }

    /// <summary>The table names are SQL identifiers, and DuckDB's parser accepts the query as one read-only SELECT of those tables.</summary>
    private static void ValidateSql(AnalysisArgs args)
    {
        var names = DatasetMap(args, "tables").Select(entry => entry.Name).ToList();
        SqlAnalysis.CheckTableNames(names);
        SqlQueryValidator.Validate(args.Text("query") ?? string.Empty, names);
    }
}
