namespace Fractal.Durable;

/// <summary>Thrown in an orchestrator when an activity or sub-orchestration it awaited failed.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>The activity or orchestrator that failed.</summary>
    public string TaskName { get; }

    /// <summary>The id of the failed task within the orchestration's history.</summary>
    public int TaskId { get; }

    /// <summary>The failure's type, message and stack trace.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
