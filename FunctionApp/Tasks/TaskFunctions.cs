using System.Text.Json;
using Fractal.FunctionApp.Tasks.Definitions;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// The tasks API: the accepted models (<c>GET /api/models</c>), <c>POST /api/tasks</c> (the same intake as the task
/// queue), the tasks with their progress (<c>GET /api/tasks</c>, paged) and one task with its output
/// (<c>GET /api/tasks/{id}</c>).
/// </summary>
public sealed class TaskFunctions
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    private readonly TaskModelRegistry _models;
    private readonly TaskIntake _intake;

    public TaskFunctions(TaskModelRegistry models, TaskIntake intake)
    {
        _models = models;
        _intake = intake;
    }

    [Function("Tasks_Models")]
    public IResult Models([HttpTrigger(AuthorizationLevel.Function, "get", Route = "models")] HttpRequest request) =>
        Results.Json(_models.Accepted.Select(model => new { name = model.Name, description = model.Description, parameters = model.Parameters, example = model.Example }));

    [Function("Tasks_Start")]
    public async Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = await request.ReadJsonBodyAsync<JsonElement>(cancellationToken: cancellationToken);
        TaskStart start;
        try
        {
            start = await _intake.StartAsync(body, messageId: null, client, cancellationToken);
        }
        catch (TaskParameterException error)
        {
            throw HttpProblemException.BadRequest(error.Field, error.Message);
        }

        return start.Started
            ? CheckStatus.Accepted(client, start.InstanceId)
            : throw new HttpProblemException(StatusCodes.Status409Conflict, $"A task '{start.TaskId}' exists already; a task id starts one task, ever.", "task_id");
    }

    [Function("Tasks_List")]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var top = DefaultPageSize;
        if (request.Query["top"] is { Count: > 0 } given && (!int.TryParse(given, out top) || top is < 1 or > MaxPageSize))
        {
            throw HttpProblemException.BadRequest("top", $"top must be a whole number from 1 to {MaxPageSize}.");
        }

        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = TaskIds.InstancePrefix,
            PageSize = top,
            FetchInputsAndOutputs = true,
            ContinuationToken = request.Query["continuation_token"] is { Count: > 0 } token ? token.ToString() : null,
        };
        Page<OrchestrationMetadata>? page;
        try
        {
            page = await client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, top).FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception error) when (query.ContinuationToken is not null && error is ArgumentException or FormatException or JsonException or InvalidOperationException)
        {
            throw HttpProblemException.BadRequest("continuation_token", "continuation_token is not one this API answered; send back the one the previous page gave.");
        }

        return Results.Json(new
        {
            tasks = (page?.Values ?? []).Select(instance => TaskView.From(instance, detailed: false)),
            continuation_token = page?.ContinuationToken,
        });
    }

    [Function("Tasks_Get")]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = TaskIds.IsValid(id) ? await client.GetInstanceAsync(TaskIds.InstanceId(id), getInputsAndOutputs: true, cancellationToken) : null;
        return instance is null
            ? throw HttpProblemException.NotFound($"There is no task '{id}'.")
            : Results.Json(TaskView.From(instance, detailed: true));
    }
}
