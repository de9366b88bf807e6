namespace Fractal.FunctionApp.Tasks;

/// <summary>A task that failed once its model's retries ran out: the message is the root failure's, for the task's reader.</summary>
public sealed class TaskModelFailedException : Exception
{
    public TaskModelFailedException(string message)
        : base(message)
    {
    }

    public TaskModelFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TaskModelFailedException()
    {
    }

    /// <summary>The innermost failure's type and message of <paramref name="failure"/>.</summary>
    public static TaskModelFailedException From(Microsoft.DurableTask.TaskFailedException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var details = failure.FailureDetails;
        while (details.InnerFailure is { } inner)
        {
            details = inner;
        }

        return new TaskModelFailedException($"{details.ErrorType}: {details.ErrorMessage}", failure);
    }
}
