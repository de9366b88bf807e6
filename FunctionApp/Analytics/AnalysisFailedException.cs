using Microsoft.DurableTask;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Fails an analysis orchestration with the failure at the root of an activity's chain, as <c>"ErrorType: message"</c>
/// (the exception's short type name), so that the instance's failure says what went wrong on any engine: the Durable
/// Task client gives failure details with their chain on some, only the failure's text on others.
/// </summary>
public sealed class AnalysisFailedException : Exception
{
    public AnalysisFailedException()
    {
    }

    public AnalysisFailedException(string message)
        : base(message)
    {
    }

    public AnalysisFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The failure of the activity at the root of <paramref name="failure"/>'s chain of failed tasks.</summary>
    public static AnalysisFailedException From(TaskFailedException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var root = Cause(failure.FailureDetails);
        return new AnalysisFailedException(Describe(root.ErrorType, root.ErrorMessage), failure);
    }

    /// <summary>
    /// What Fractalis reports for a failed analysis, <c>"ErrorType: message"</c>, from the instance's failure: this
    /// exception's message as it is, another failure with its type's short name.
    /// </summary>
    public static string Describe(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var root = Cause(failure);
        var prefix = typeof(AnalysisFailedException).FullName + ": ";
        if (root.ErrorType == typeof(AnalysisFailedException).FullName)
        {
            return root.ErrorMessage;
        }

        // Only the failure's text ("Type: message") reached the client.
        var at = root.ErrorMessage.IndexOf(prefix, StringComparison.Ordinal);
        return at >= 0 ? root.ErrorMessage[(at + prefix.Length)..].Trim() : Describe(root.ErrorType, root.ErrorMessage);
    }

    /// <summary>
    /// The first failure in the chain that is not a failed task: the exception an activity (or a sub-orchestration)
    /// threw, not what that exception wrapped.
    /// </summary>
    private static TaskFailureDetails Cause(TaskFailureDetails failure)
    {
        var cause = failure;
        while (cause.InnerFailure is { } inner && cause.IsCausedBy<TaskFailedException>())
        {
            cause = inner;
        }

        return cause;
    }

    private static string Describe(string errorType, string message) => $"{errorType[(errorType.LastIndexOf('.') + 1)..]}: {message}";
}
