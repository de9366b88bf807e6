using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Fractalis.Tasks;
using Fractal.FunctionApp.Sessions;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Fractalis;

/// <summary>
/// Fractalis' analytics routes over the native analysis orchestrations (<see cref="AnalysisRuns"/>):
/// Fractal.js' arguments, with their <c>$…$</c> dataset references, are translated to the native ones;
/// the state is SUBMITTED, SUCCESS or FAILURE; a result is the JSON text Fractal.js parses.
/// As in Fractalis, a request is refused only when it is malformed (not a JSON object with a task name and
/// arguments, an unknown task, a dataset reference that is malformed or names no dataset of the session): those
/// errors, wherever they are found, are <c>{"error_msg": ...}</c>, and another session's task ids are 404. What a
/// Fractalis task checks when it runs (an empty matrix, no shared ids, too few values, a bad option) is accepted and
/// ends FAILURE with <c>"ErrorType: message"</c>, found at submission or while the analysis runs alike.
/// </summary>
[FractalisAnalyticsErrors]
public sealed class FractalisAnalyticsFunctions
{
    private static readonly TimeSpan s_longestWait = TimeSpan.FromSeconds(60);
    private readonly AnalysisRuns _runs;
    private readonly AnalysisRegistry _analyses;
    private readonly DatasetRepository _datasets;

    public FractalisAnalyticsFunctions(AnalysisRuns runs, AnalysisRegistry analyses, DatasetRepository datasets)
    {
        _runs = runs;
        _analyses = analyses;
        _datasets = datasets;
    }

    [Function("Fractalis_Analytics_Create")]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FractalisRoutes.Base + "analytics")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var session = Session.FindOrCreate(request);
        try
        {
            var body = await request.ReadJsonBodyAsync<JsonElement>(cancellationToken: cancellationToken);
            if (body.ValueKind != JsonValueKind.Object
                || !body.TryGetProperty("task_name", out var name) || name.ValueKind != JsonValueKind.String
                || !body.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Object)
            {
                return Invalid("The request body must be a JSON object with a string 'task_name' and an object 'args'.");
            }

            var taskName = name.GetString()!;
            if (_analyses.Find(taskName)?.Fractalis is not { } task)
            {
                return Invalid($"Unknown task '{taskName}'; use one of {string.Join(", ", _analyses.All.Where(a => a.Fractalis is not null).Select(a => a.Schema.TaskName))}.");
            }

            var datasets = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var dataId in _datasets.ListIdsAsync(session, cancellationToken))
            {
                datasets.Add(dataId);
            }

            var resolved = FractalisReferences.Resolve(JsonObject.Create(args)!, datasets);
            string taskId;
            try
            {
                var native = task.ToNative(new FractalisArgs(resolved));
                taskId = await _runs.StartAsync(session, taskName, JsonSerializer.SerializeToElement(native), client, cancellationToken);
            }
            catch (FractalisUnsupportedTaskException unsupported)
            {
                taskId = await _runs.StartRefusedAsync(session, taskName, $"{unsupported.ErrorType}: {unsupported.Message}", client, cancellationToken);
            }
            catch (Exception error) when (error is FractalisArgumentException or AnalysisArgumentException)
            {
                // What Fractalis checks in its task (the data and the arguments the task reads) fails the task, not the request.
                taskId = await _runs.StartRefusedAsync(session, taskName, $"{error.GetType().Name}: {error.Message}", client, cancellationToken);
            }

            return Results.Json(new { task_id = taskId }, statusCode: StatusCodes.Status201Created);
        }
        catch (FractalisArgumentException error)
        {
            return Invalid(error.Message);
        }
    }

    [Function("Fractalis_Analytics_Get")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FractalisRoutes.Base + "analytics/{taskId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string taskId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await AnalysisRuns.FindAsync(Session.Find(request), taskId, client, cancellationToken) is not var (instance, job))
        {
            return NoSuchTask();
        }

        if (instance.IsRunning && request.Query["wait"] == "1")
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_longestWait);
            try
            {
                instance = await client.WaitForInstanceCompletionAsync(taskId, getInputsAndOutputs: true, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                instance = await client.GetInstanceAsync(taskId, getInputsAndOutputs: true, cancellationToken) ?? instance;
            }
        }

        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => Results.Ok(new { state = "SUCCESS", result = await ResultAsync(instance, job, cancellationToken) }),
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => Results.Ok(new { state = "FAILURE", result = Failure(instance, job) }),
            _ => Results.Ok(new { state = "SUBMITTED", result = (string?)null }),
        };
    }

    [Function("Fractalis_Analytics_Delete")]
    public async Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FractalisRoutes.Base + "analytics/{taskId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string taskId,
        CancellationToken cancellationToken)
    {
        if (await AnalysisRuns.FindAsync(Session.Find(request), taskId, client, cancellationToken) is not var (instance, _))
        {
            return NoSuchTask();
        }

        await _runs.DeleteAsync(instance, client, cancellationToken);
        return Results.Ok(new { task_id = taskId });
    }

    private async Task<string> ResultAsync(OrchestrationMetadata instance, AnalysisJob job, CancellationToken cancellationToken)
    {
        var result = await _runs.ReadResultAsync(instance.InstanceId, cancellationToken)
            ?? throw new InvalidOperationException($"Analysis '{instance.InstanceId}' completed without a result.");
        var args = await _runs.ReadArgsAsync(job, cancellationToken);
        var task = _analyses.Find(job.TaskName)?.Fractalis ?? throw new InvalidOperationException($"'{job.TaskName}' has no Fractalis mapping.");
        return task.ToFractalis(result, JsonNode.Parse(args.ToJson())!.AsObject()).ToJsonString();
    }

    /// <summary>As Fractalis reports a task that raised: <c>"ErrorType: message"</c>, from the failure at the root of the chain.</summary>
    private static string Failure(OrchestrationMetadata instance, AnalysisJob job)
    {
        if (job.Refusal is { } refusal)
        {
            return refusal;
        }

        return instance.FailureDetails is { } failure
            ? AnalysisFailedException.Describe(failure)
            : $"Terminated: {instance.SerializedOutput ?? "the task was stopped."}";
    }

    private static IResult Invalid(string message) => FractalisErrors.Analytics(StatusCodes.Status400BadRequest, message);

    private static IResult NoSuchTask() => FractalisErrors.Analytics(StatusCodes.Status404NotFound, "No matching task found in this session.");
}
