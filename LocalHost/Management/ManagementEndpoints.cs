using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableTask.Core.Exceptions;
using Fractal.LocalHost.Durable;
using Fractal.LocalHost.Functions;
using Fractal.LocalHost.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Management;

/// <summary>
/// The Durable Functions HTTP API under <c>/runtime/webhooks/durabletask/</c>, with the extension's routes,
/// query parameters, bodies and status codes. Every route needs the master key or the
/// <c>durabletask_extension</c> system key; function keys are refused.
/// </summary>
internal sealed class ManagementEndpoints
{
    private readonly DurableTaskWebhook _webhook;
    private readonly ContinuationTokens _tokens;
    private readonly FunctionIndex _functions;

    private ManagementEndpoints(DurableTaskWebhook webhook, ContinuationTokens tokens, FunctionIndex functions)
    {
        _webhook = webhook;
        _tokens = tokens;
        _functions = functions;
    }

    public static void Map(IEndpointRouteBuilder endpoints, HostKeys keys, DurableTaskWebhook webhook, FunctionIndex functions)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = new ManagementEndpoints(webhook, new ContinuationTokens(keys.MasterKey), functions);
        var group = endpoints.MapGroup(DurableTaskWebhook.Path);
        group.AddEndpointFilter(async (context, next) =>
            KeyAuthorization.IsAuthorizedForDurableTaskExtension(context.HttpContext.Request, keys)
                ? await next(context)
                : HostProblems.Result(StatusCodes.Status401Unauthorized,
                    $"The Durable Functions management API needs the master key or the '{HostKeys.DurableTaskExtensionKeyName}' system key in '{KeyAuthorization.HeaderName}' or '?{KeyAuthorization.QueryName}='."));

        group.MapGet("/instances", (Func<HttpContext, Task<IResult>>)api.ListAsync);
        group.MapDelete("/instances", (Func<HttpContext, Task<IResult>>)PurgeByFilterAsync);
        group.MapGet("/instances/{instanceId}", api.GetStatusAsync);
        group.MapDelete("/instances/{instanceId}", api.PurgeAsync);
        group.MapPost("/instances/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync);
        group.MapPost("/instances/{instanceId}/terminate", (HttpContext c, string instanceId) =>
            ChangeAsync(c, instanceId, (client, reason, ct) => client.TerminateInstanceAsync(instanceId, reason, ct)));
        group.MapPost("/instances/{instanceId}/suspend", (HttpContext c, string instanceId) =>
            ChangeAsync(c, instanceId, (client, reason, ct) => client.SuspendInstanceAsync(instanceId, reason, ct)));
        group.MapPost("/instances/{instanceId}/resume", (HttpContext c, string instanceId) =>
            ChangeAsync(c, instanceId, (client, reason, ct) => client.ResumeInstanceAsync(instanceId, reason, ct)));
        group.MapPost("/instances/{instanceId}/rewind", api.RewindAsync);
        group.MapPost("/instances/{instanceId}/restart", api.RestartAsync);
        group.MapPost("/orchestrators/{functionName}/{instanceId?}", api.StartAsync);
    }

    private static DurableTaskClient Client(HttpContext context) => DurableClientBinder.HostClient(context.RequestServices);

    private async Task<IResult> GetStatusAsync(HttpContext context, string instanceId)
    {
        var request = context.Request;
        var showHistory = ManagementQuery.Flag(request, "showHistory", false);
        var showHistoryOutput = ManagementQuery.Flag(request, "showHistoryOutput", false);
        var showInput = ManagementQuery.Flag(request, "showInput", true);
        var failureIs500 = ManagementQuery.Flag(request, "returnInternalServerErrorOnFailure", false);
        return await StatusAsync(context, Client(context), instanceId, showHistory, showHistoryOutput, showInput, failureIs500, location: true);
    }

    private static async Task<IResult> StatusAsync(
        HttpContext context, DurableTaskClient client, string instanceId, bool showHistory, bool showHistoryOutput, bool showInput, bool failureIs500, bool location)
    {
        var ct = context.RequestAborted;
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct);
        if (instance is null)
        {
            return NotFound(instanceId);
        }

        JsonArray? history = null;
        if (showHistory && instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
        {
            history = HistoryJson.Create(await client.GetOrchestrationHistoryAsync(instanceId, ct), showHistoryOutput, showInput);
        }

        var status = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Failed when failureIs500 => StatusCodes.Status500InternalServerError,
            OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => StatusCodes.Status200OK,
            _ => StatusCodes.Status202Accepted,
        };
        if (status == StatusCodes.Status202Accepted)
        {
            if (location)
            {
                var request = context.Request;
                context.Response.Headers.Location = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
            }

            context.Response.Headers.RetryAfter = "5";
        }

        return Results.Json(InstanceStatusJson.Create(instance, showInput, history), statusCode: status);
    }

    private async Task<IResult> ListAsync(HttpContext context)
    {
        var request = context.Request;
        string? presented = request.Headers[ContinuationTokens.HeaderName];
        var engineToken = string.IsNullOrEmpty(presented) ? null : _tokens.Open(presented);
        var showInput = ManagementQuery.Flag(request, "showInput", false);
        var pageSize = ManagementQuery.PageSize(request);
        var query = new OrchestrationQuery
        {
            CreatedFrom = ManagementQuery.Time(request, "createdTimeFrom"),
            CreatedTo = ManagementQuery.Time(request, "createdTimeTo"),
            Statuses = ManagementQuery.Statuses(request),
            InstanceIdPrefix = ManagementQuery.Text(request, "instanceIdPrefix"),
            PageSize = pageSize,
            FetchInputsAndOutputs = true,
            ContinuationToken = engineToken,
        };

        Page<OrchestrationMetadata>? page = null;
        await foreach (var first in Client(context).GetAllInstancesAsync(query).AsPages(engineToken, pageSize).WithCancellation(context.RequestAborted))
        {
            page = first;
            break;
        }

        if (!string.IsNullOrEmpty(page?.ContinuationToken))
        {
            context.Response.Headers[ContinuationTokens.HeaderName] = _tokens.Seal(page.ContinuationToken);
        }

        var items = new JsonArray([.. (page?.Values ?? []).Select(i => (JsonNode?)InstanceStatusJson.Create(i, showInput, history: null))]);
        return Results.Json(items);
    }

    private async Task<IResult> PurgeAsync(HttpContext context, string instanceId)
    {
        var client = Client(context);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted);
        if (instance is null)
        {
            return NotFound(instanceId);
        }

        if (!IsTerminal(instance.RuntimeStatus))
        {
            return HostProblems.Result(StatusCodes.Status412PreconditionFailed,
                $"Only orchestrations in a terminal state can be purged, but the orchestration with instance ID {instanceId} has status {instance.RuntimeStatus}.");
        }

        var result = await client.PurgeInstanceAsync(instanceId, cancellation: context.RequestAborted);
        return Results.Json(new JsonObject { ["instancesDeleted"] = result.PurgedInstanceCount });
    }

    private static async Task<IResult> PurgeByFilterAsync(HttpContext context)
    {
        var request = context.Request;
        var from = ManagementQuery.Time(request, "createdTimeFrom")
            ?? throw HttpProblemException.BadRequest("createdTimeFrom", "Please provide value for 'createdTimeFrom' parameter.");
        var to = ManagementQuery.Time(request, "createdTimeTo") ?? DateTimeOffset.UtcNow;
        var filter = new PurgeInstancesFilter(from, to, ManagementQuery.Statuses(request));
        var result = await Client(context).PurgeAllInstancesAsync(filter, cancellation: context.RequestAborted);
        return result.PurgedInstanceCount == 0
            ? HostProblems.Result(StatusCodes.Status404NotFound, "No instance matched the filter.")
            : Results.Json(new JsonObject { ["instancesDeleted"] = result.PurgedInstanceCount });
    }

    private static Task<IResult> RaiseEventAsync(HttpContext context, string instanceId, string eventName) =>
        ChangeAsync(context, instanceId, async (client, _, ct) =>
        {
            var mediaType = context.Request.ContentType is { } contentType && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
                ? parsed.MediaType.Value
                : null;
            if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                throw HttpProblemException.BadRequest("Content-Type", "Only application/json request content is supported.");
            }

            var payload = await ReadJsonAsync(context.Request, ct);
            await client.RaiseEventAsync(instanceId, eventName, payload, ct);
        });

    private static async Task<IResult> ChangeAsync(HttpContext context, string instanceId, Func<DurableTaskClient, string?, CancellationToken, Task> change)
    {
        var client = Client(context);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted);
        if (instance is null)
        {
            return NotFound(instanceId);
        }

        if (IsTerminal(instance.RuntimeStatus))
        {
            return Gone(instance);
        }

        await change(client, ManagementQuery.Text(context.Request, "reason"), context.RequestAborted);
        return Results.Accepted();
    }

    private async Task<IResult> RewindAsync(HttpContext context, string instanceId)
    {
        var client = Client(context);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted);
        if (instance is null)
        {
            return NotFound(instanceId);
        }

        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return HostProblems.Result(StatusCodes.Status412PreconditionFailed,
                $"This orchestration has status {instance.RuntimeStatus}, but only orchestrations in the \"Failed\" state can be rewound.");
        }

        try
        {
            await client.RewindInstanceAsync(instanceId, ManagementQuery.Text(context.Request, "reason") ?? string.Empty, context.RequestAborted);
        }
        catch (NotSupportedException)
        {
            return HostProblems.Result(StatusCodes.Status501NotImplemented, "Rewind is not supported by the underlying storage provider.");
        }

        return Results.Accepted();
    }

    private async Task<IResult> RestartAsync(HttpContext context, string instanceId)
    {
        var client = Client(context);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted);
        if (instance is null)
        {
            return HostProblems.Result(StatusCodes.Status400BadRequest, $"InstanceId {instanceId} does not match a valid orchestration instance.", "instanceId");
        }

        var newId = ManagementQuery.Flag(context.Request, "restartWithNewInstanceId", true);
        string restarted;
        try
        {
            restarted = await client.RestartAsync(instanceId, newId, context.RequestAborted);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return HostProblems.Result(StatusCodes.Status409Conflict, "A non-terminal instance with this instance ID already exists.", "instanceId");
        }
        catch (NotSupportedException)
        {
            return HostProblems.Result(StatusCodes.Status501NotImplemented, "Restart is not supported by the underlying storage provider.");
        }

        return await CheckStatusOrWaitAsync(context, client, restarted);
    }

    private async Task<IResult> StartAsync(HttpContext context, string functionName, string? instanceId)
    {
        if (!_functions.TryGetFunction(functionName, out var orchestrator) || orchestrator.TriggerKind != FunctionTriggerKind.Orchestration)
        {
            throw HttpProblemException.BadRequest("functionName", $"The function '{functionName}' doesn't exist, is disabled, or is not an orchestrator function.");
        }

        var name = orchestrator.Name;

        var input = await ReadJsonAsync(context.Request, context.RequestAborted);
        var client = Client(context);
        var options = string.IsNullOrEmpty(instanceId) ? null : new StartOrchestrationOptions(instanceId);
        string id;
        try
        {
            id = await client.ScheduleNewOrchestrationInstanceAsync(new TaskName(name), input, options, context.RequestAborted);
        }
        catch (OrchestrationAlreadyExistsException ex)
        {
            return HostProblems.Result(StatusCodes.Status409Conflict, ex.Message, "instanceId");
        }
        catch (ArgumentException ex) when (ex.ParamName == InstanceIds.OptionsParameter)
        {
            return HostProblems.Result(StatusCodes.Status400BadRequest, ex.Message, "instanceId");
        }

        return await CheckStatusOrWaitAsync(context, client, id);
    }

    private async Task<IResult> CheckStatusOrWaitAsync(HttpContext context, DurableTaskClient client, string instanceId)
    {
        var urls = DurableClientBinder.Create(client, DurableTaskWebhook.BaseUrl(context.Request), _webhook.QueryString).CreateHttpManagementPayload(instanceId);
        var timeout = ManagementQuery.Seconds(context.Request, "timeout");
        _ = ManagementQuery.Seconds(context.Request, "pollingInterval");
        if (timeout is { } wait && wait > TimeSpan.Zero)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(wait);
            OrchestrationMetadata? done = null;
            try
            {
                done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                // Not done in time: answer with the management URLs, as the extension does.
            }

            if (done is { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
            {
                return Results.Json(InstanceStatusJson.Parse(done.SerializedOutput));
            }

            if (done is not null && IsTerminal(done.RuntimeStatus))
            {
                return await StatusAsync(context, client, instanceId, false, false, true, failureIs500: false, location: false);
            }
        }

        context.Response.Headers.Location = urls.StatusQueryGetUri;
        context.Response.Headers.RetryAfter = "10";
        return Results.Json(urls, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        string text;
        try
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw HttpProblemException.BadRequest("body", "The request body is not valid UTF-8.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw HttpProblemException.BadRequest("body", $"Invalid JSON content: {ex.Message}");
        }
    }

    private static bool IsTerminal(OrchestrationRuntimeStatus status) => status is OrchestrationRuntimeStatus.Completed
        or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    private static IResult NotFound(string instanceId) =>
        HostProblems.Result(StatusCodes.Status404NotFound, $"No orchestration instance has the ID '{instanceId}'.", "instanceId");

    private static IResult Gone(OrchestrationMetadata instance) =>
        HostProblems.Result(StatusCodes.Status410Gone, $"The orchestration instance '{instance.InstanceId}' has ended ({instance.RuntimeStatus}).");
}
