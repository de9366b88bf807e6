namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>A <c>sql</c> query went over the row or the time limit; the message names the limit, its value and its setting.</summary>
public sealed class SqlLimitExceededException : Exception
{
    public SqlLimitExceededException()
    {
    }

    public SqlLimitExceededException(string message)
        : base(message)
    {
    }

    public SqlLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static SqlLimitExceededException Rows(int maxRows) =>
        new($"The query returned more rows than the row limit of {maxRows} (FRACTAL_SQL_MAX_ROWS); aggregate, filter or add a LIMIT.");

    public static SqlLimitExceededException Time(TimeSpan timeout, Exception innerException) =>
        new($"The query ran past the time limit of {timeout.TotalSeconds:0.###} s (FRACTAL_SQL_TIMEOUT_SECONDS) and was interrupted.", innerException);
}
