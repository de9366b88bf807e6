using Fractal.Domain.Analyses.Sql;

namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>Runs a <c>sql</c> analysis: checks the query, loads its tables into a fresh sandbox, and reads the result within the limits.</summary>
public static class SqlQueryRunner
{
    /// <exception cref="Domain.Analyses.AnalysisArgumentException">The query may not run (see <see cref="SqlQueryValidator"/>).</exception>
    /// <exception cref="SqlLimitExceededException">The result has more rows than allowed, or the query ran too long.</exception>
    public static SqlResult Run(SqlArguments arguments, SqlSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(settings);
        SqlQueryValidator.Validate(arguments.Query, [.. arguments.Tables.Keys]);
        using var sandbox = SqlSandbox.Open(settings);
        foreach (var (name, table) in arguments.Tables)
        {
            sandbox.Load(name, table);
        }

        return sandbox.Run(arguments.Query, settings.MaxRows, settings.Timeout, cancellationToken);
    }
}
