using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Instances;

/// <summary>
/// The app's own admin API over <see cref="DurableTaskClient"/>, at function level (the function key opens it, as it
/// opens the rest of the API; the Durable Functions management API takes only the master or system key): list
/// orchestrations with filters and paging, read one with its input, output and custom status, its history as a
/// timeline, and terminate, suspend, resume, raise an event to or purge one. It works alike in Azure (the client talks
/// to the Durable Functions extension) and in the local host.
/// </summary>
public sealed partial class InstanceFunctions
{
    /// <summary>Engine pages read at most per list request while filtering by name.</summary>
    internal const int MaxEnginePages = 20;

    private static readonly OrchestrationRuntimeStatus[] s_live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private readonly InstanceTokens _tokens;

    public InstanceFunctions(InstanceTokens tokens)
    {
        _tokens = tokens;
    }

    [Function("Instances_List")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "instances")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = InstanceQuery.Read(request, _tokens);
        var found = new List<InstanceView>();
        string? next = query.ContinuationToken;
        var pages = 0;
        try
        {
            await foreach (var page in client.GetAllInstancesAsync(query.ToEngineQuery()).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
            {
                found.AddRange(page.Values.Where(i => query.Matches(i.Name)).Select(i => InstanceView.From(i, details: false)));
                next = page.ContinuationToken;
                if (found.Count >= query.PageSize || ++pages >= MaxEnginePages || string.IsNullOrEmpty(next))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (query.ContinuationToken is not null && ex is not OperationCanceledException)
        {
            // A sealed token the engine no longer reads (its storage changed under it).
            throw HttpProblemException.BadRequest(InstanceTokens.Field, $"{InstanceTokens.Field} names a page the engine cannot read back; start from the first page.");
        }

        if (next == query.ContinuationToken)
        {
            next = null;
        }

        return Results.Json(new InstancePage([.. found.OrderByDescending(i => i.Created)], _tokens.Seal(next)));
    }

    [Function("Instances_Get")]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "instances/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken) =>
        Results.Json(InstanceView.From(await FindAsync(client, instanceId, cancellationToken), details: true));

    [Function("Instances_History")]
    public static async Task<IResult> HistoryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "instances/{instanceId}/history")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken)
    {
        var instance = await FindAsync(client, instanceId, cancellationToken);
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            return Results.Json(new InstanceTimeline(null, null, [], []));
        }

        try
        {
            return Results.Json(InstanceTimeline.From(await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken)));
        }
        catch (NotSupportedException)
        {
            throw new HttpProblemException(StatusCodes.Status501NotImplemented, "This host's durable client cannot read histories.");
        }
    }

    [Function("Instances_Terminate")]
    public static Task<IResult> TerminateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "instances/{instanceId}/terminate")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken) =>
        ChangeAsync(request, client, instanceId, "terminate", s_live, (reason, ct) => client.TerminateInstanceAsync(instanceId, reason, ct), cancellationToken);

    [Function("Instances_Suspend")]
    public static Task<IResult> SuspendAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "instances/{instanceId}/suspend")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken) =>
        ChangeAsync(request, client, instanceId, "suspend", [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running], (reason, ct) => client.SuspendInstanceAsync(instanceId, reason, ct), cancellationToken);

    [Function("Instances_Resume")]
    public static Task<IResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "instances/{instanceId}/resume")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken) =>
        ChangeAsync(request, client, instanceId, "resume", [OrchestrationRuntimeStatus.Suspended], (reason, ct) => client.ResumeInstanceAsync(instanceId, reason, ct), cancellationToken);

    [Function("Instances_RaiseEvent")]
    public static async Task<IResult> RaiseEventAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "instances/{instanceId}/events/{eventName}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        string eventName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!EventName().IsMatch(eventName ?? string.Empty))
        {
            throw HttpProblemException.BadRequest("eventName", "An event name is 1 to 128 letters, digits, '.', '-' or '_'.");
        }

        JsonElement? data = request.ContentLength is null or > 0 ? await request.ReadJsonBodyAsync<JsonElement>(cancellationToken: cancellationToken) : null;
        var instance = await FindAsync(client, instanceId, cancellationToken);
        Require(instance, "raise an event to", s_live);
        await client.RaiseEventAsync(instanceId, eventName!, data, cancellationToken);
        return Results.Accepted(value: new InstanceChange(instanceId, "event:" + eventName));
    }

    [Function("Instances_Purge")]
    public static async Task<IResult> PurgeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "instances/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await FindAsync(client, instanceId, cancellationToken);
        if (s_live.Contains(instance.RuntimeStatus))
        {
            throw new HttpProblemException(
                StatusCodes.Status409Conflict, $"Instance '{instanceId}' is {instance.RuntimeStatus}; only an ended instance can be purged: terminate it first.", "instanceId");
        }

        var result = await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        return Results.Ok(new { id = instanceId, purged = result.PurgedInstanceCount });
    }

    private static async Task<IResult> ChangeAsync(
        HttpRequest request,
        DurableTaskClient client,
        string instanceId,
        string action,
        OrchestrationRuntimeStatus[] allowed,
        Func<string?, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.ContentLength is null or > 0
            ? await request.ReadJsonBodyAsync<ChangeRequest>(cancellationToken: cancellationToken)
            : new ChangeRequest(null);
        var instance = await FindAsync(client, instanceId, cancellationToken);
        Require(instance, action, allowed);
        await change(string.IsNullOrWhiteSpace(body.Reason) ? $"{action} from the Fractal page" : body.Reason, cancellationToken);
        return Results.Accepted(value: new InstanceChange(instanceId, action));
    }

    private static void Require(OrchestrationMetadata instance, string action, OrchestrationRuntimeStatus[] allowed)
    {
        if (!allowed.Contains(instance.RuntimeStatus))
        {
            throw new HttpProblemException(
                StatusCodes.Status409Conflict,
                $"Instance '{instance.InstanceId}' is {instance.RuntimeStatus}; only a {string.Join(" or ", allowed)} instance can {action}.",
                "instanceId");
        }
    }

    private static async Task<OrchestrationMetadata> FindAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrEmpty(instanceId) || instanceId.Length > 256 || instanceId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) || char.IsSurrogate(c)))
        {
            throw HttpProblemException.BadRequest("instanceId", "An instance id is 1 to 256 characters, none of them '/', '\\', '#', '?' or a control character.");
        }

        return await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
            ?? throw HttpProblemException.NotFound($"There is no instance '{instanceId}'.");
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    private static partial Regex EventName();

    /// <summary>The optional body of terminate, suspend and resume.</summary>
    private sealed record ChangeRequest([property: JsonPropertyName("reason")] string? Reason);
}
