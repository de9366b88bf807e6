namespace Fractal.Durable;

/// <summary>
/// Why a task or an orchestration failed: the error's type, message and stack trace, and the failure
/// that caused it (an orchestration that failed because an activity did carries the activity's).
/// </summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>The failure at the root of the chain: this one when nothing caused it.</summary>
    public TaskFailureDetails GetRootCause() => InnerFailure?.GetRootCause() ?? this;

    /// <summary>Describes <paramref name="exception"/> and, through its inner exception or failed task, its cause.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception switch
        {
            TaskFailedException failed => failed.FailureDetails,
            { InnerException: { } cause } => FromException(cause),
            _ => null,
        };
        return new TaskFailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner);
    }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
