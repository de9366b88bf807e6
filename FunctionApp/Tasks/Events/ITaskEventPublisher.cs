namespace Fractal.FunctionApp.Tasks.Events;

/// <summary>Publishes the end of tasks.</summary>
public interface ITaskEventPublisher
{
    /// <summary>Publishes <paramref name="taskEvent"/>; returns once the broker has it (or throws, for the activity's retry).</summary>
    Task PublishAsync(TaskEvent taskEvent, CancellationToken cancellationToken);
}
