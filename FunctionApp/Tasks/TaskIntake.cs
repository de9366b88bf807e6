using System.Text.Json;
using Fractal.FunctionApp.Tasks.Definitions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// One intake for <c>POST /api/tasks</c> and the task queue: <c>{"model", "params", "task_id"?}</c> is checked (the model
/// accepted, its parameters valid), then the task orchestration is started as <c>task:{id}</c>. The id is the body's
/// <c>task_id</c>, else the message's id, else a new one. An id that exists in any state starts nothing (Durable's
/// orchestration-id reuse policy: every status deduplicates), so a message delivered twice starts one task, also after
/// the first has ended.
/// </summary>
public sealed class TaskIntake
{
    private static readonly OrchestrationRuntimeStatus[] s_everyStatus = Enum.GetValues<OrchestrationRuntimeStatus>();

    private readonly TaskModelRegistry _models;
    private readonly TaskRuns _runs;

    // Starts of one task id run one at a time in this process: the task hub's create is a look-up then an insert, so two
    // deliveries of one message handled at once could both insert (the prefetch lets a host handle several at once).
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public TaskIntake(TaskModelRegistry models, TaskRuns runs)
    {
        _models = models;
        _runs = runs;
    }

    /// <summary>Checks <paramref name="body"/> and starts its task unless its id exists.</summary>
    /// <param name="body">The request or message body.</param>
    /// <param name="messageId">The message's id, the task id when the body names none.</param>
    /// <param name="client">The durable client that starts the orchestration.</param>
    /// <param name="cancellationToken">Stops the look-up and the start.</param>
    /// <exception cref="TaskParameterException">The body cannot run as sent (naming the field).</exception>
    public async Task<TaskStart> StartAsync(JsonElement body, string? messageId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new TaskParameterException("body", "A task is a JSON object: {\"model\", \"params\", \"task_id\"?}.");
        }

        var model = _models.Get(body.TryGetProperty("model", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null);
        var taskId = body.TryGetProperty("task_id", out var id) && id.ValueKind != JsonValueKind.Null
            ? (id.ValueKind == JsonValueKind.String && TaskIds.IsValid(id.GetString()) ? id.GetString()! : throw new TaskParameterException("task_id", "task_id must be 1-64 letters, digits, - or _."))
            : TaskIds.IsValid(messageId) ? messageId! : Guid.NewGuid().ToString("N");
        var parameters = body.TryGetProperty("params", out var given) && given.ValueKind != JsonValueKind.Null ? given : JsonDocument.Parse("{}").RootElement;
        var run = _runs.Create(taskId, model, model.Validate(parameters));

        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(taskId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            return await StartOnceAsync(client, taskId, run, cancellationToken);
        }
        finally
        {
            stripe.Release();
        }
    }

    private static async Task<TaskStart> StartOnceAsync(DurableTaskClient client, string taskId, TaskRun run, CancellationToken cancellationToken)
    {
        var instanceId = TaskIds.InstanceId(taskId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return new TaskStart(taskId, instanceId, Started: false);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                TaskOrchestration.Name, run, new StartOrchestrationOptions(instanceId).WithDedupeStatuses(s_everyStatus), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another delivery of the same id started it between the look-up and the start: the dedupe statuses refused this one.
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                return new TaskStart(taskId, instanceId, Started: false);
            }

            throw;
        }

        return new TaskStart(taskId, instanceId, Started: true);
    }
}
