using System.Text.Json;
using Fractal.FunctionApp.Tasks.Definitions;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// The task queue (<c>FRACTAL_TASKS_QUEUE</c>, on the broker <c>RabbitMQConnection</c> names): a message holds the same
/// JSON as <c>POST /api/tasks</c> and goes through the same intake; its id (or the body's <c>task_id</c>) is the task's.
/// The function returns once the orchestration is scheduled, so the message is acknowledged only then; a duplicate
/// returns without starting anything. A message that cannot run (not JSON, a model unknown or refused, invalid params)
/// throws <see cref="TaskParameterException"/>, an <see cref="ArgumentException"/>: the host dead-letters it with the
/// reason, and goes on.
/// </summary>
public sealed class TaskQueueFunction
{
    /// <summary>The app setting that names the task queue.</summary>
    public const string QueueSetting = "FRACTAL_TASKS_QUEUE";

    /// <summary>The app setting of the broker's connection string.</summary>
    public const string ConnectionSetting = "RabbitMQConnection";

    private readonly TaskIntake _intake;
    private readonly ILogger<TaskQueueFunction> _logger;

    public TaskQueueFunction(TaskIntake intake, ILogger<TaskQueueFunction> logger)
    {
        _intake = intake;
        _logger = logger;
    }

    [Function("Tasks_FromQueue")]
    public async Task RunAsync(
        [RabbitMQTrigger("%" + QueueSetting + "%", ConnectionStringSetting = ConnectionSetting)] string message,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(message ?? string.Empty);
            body = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new TaskParameterException("body", $"The message is not JSON: {error.Message.Split(" Path:")[0]}");
        }

        var start = await _intake.StartAsync(body, MessageId(context), client, cancellationToken);
        if (!start.Started)
        {
            _logger.LogInformation("Task {TaskId} exists already; the message starts nothing.", start.TaskId);
        }
    }

    /// <summary>The message's id, from the trigger's binding data (<c>BasicProperties</c>, as the RabbitMQ extension gives it).</summary>
    private static string? MessageId(FunctionContext context)
    {
        if (!context.BindingContext.BindingData.TryGetValue("BasicProperties", out var properties) || properties is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(properties as string ?? JsonSerializer.Serialize(properties));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("MessageId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
