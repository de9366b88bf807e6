using System.Text.RegularExpressions;

namespace Fractal.Domain.Analyses.Sql;

/// <summary>
/// <c>sql</c>: one read-only <c>SELECT</c> over the session's datasets, each loaded as a table under
/// the name the request gives it (<c>tables</c>: name → data id), in the datasets' long form
/// <c>id</c>, <c>feature</c>, <c>value</c>. Datasets join on <c>id</c>, so a log loaded one dataset
/// per field (time, instance, cache hit, …) is filtered and aggregated the way ATLAS Frontier's
/// monitoring does it: counts per time bucket, per instance, caching ratios. The engine that runs the
/// query lives at the edge; here are the schema, the rule for table names and the result's shape.
/// </summary>
public static partial class SqlAnalysis
{
    public const string TaskName = "sql";

    /// <summary>The longest query accepted, in characters.</summary>
    public const int MaxQueryLength = 100_000;

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "One read-only SQL SELECT (DuckDB dialect) over the session's datasets as tables (id, feature, value), "
            + "sandboxed: no files, network or extensions, with a row and a time limit.",
        Parameters =
        [
            new() { Name = "query", Kind = ParameterKind.Text, Required = true, Description = "One SELECT statement; WITH, joins, window functions, time_bucket and date_trunc are fine." },
            new() { Name = "tables", Kind = ParameterKind.DatasetMap, Required = true, Description = "Table names (SQL identifiers) mapped to datasets of this session: an id, or {\"id\", \"filters\": {\"feature\": [...]}}." },
        ],
    };

    /// <summary>
    /// Checks the table names a request gives: at least one, each an SQL identifier of at most 63
    /// characters (<c>^[A-Za-z_][A-Za-z0-9_]{0,62}$</c>), no two alike but for case (SQL names are
    /// case-insensitive).
    /// </summary>
    /// <exception cref="AnalysisArgumentException">The first bad name, as <c>tables.{name}</c>.</exception>
    public static void CheckTableNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!TableName().IsMatch(name))
            {
                throw new AnalysisArgumentException(
                    $"tables.{name}", $"'{name}' is not a table name: use a letter or '_', then up to 62 letters, digits or '_'.");
            }

            if (!seen.Add(name))
            {
                throw new AnalysisArgumentException($"tables.{name}", $"Two tables are named '{name}'; SQL names ignore case.");
            }
        }

        if (seen.Count == 0)
        {
            throw new AnalysisArgumentException("tables", "tables needs at least one table: {\"name\": \"<data id>\"}.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex TableName();
}
