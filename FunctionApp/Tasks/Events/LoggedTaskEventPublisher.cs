namespace Fractal.FunctionApp.Tasks.Events;

/// <summary>Where no broker is set (<c>RabbitMQConnection</c> unset): task events go to the log only.</summary>
internal sealed class LoggedTaskEventPublisher : ITaskEventPublisher
{
    private readonly ILogger<LoggedTaskEventPublisher> _logger;

    public LoggedTaskEventPublisher(ILogger<LoggedTaskEventPublisher> logger)
    {
        _logger = logger;
    }

    public Task PublishAsync(TaskEvent taskEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskEvent);
        _logger.LogInformation("Task {TaskId} ({Model}) ended {Status}; no RabbitMQConnection, so no event is published.", taskEvent.Id, taskEvent.Model, taskEvent.Status);
        return Task.CompletedTask;
    }
}
