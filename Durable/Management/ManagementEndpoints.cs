using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Durable.Backends;
using Fractal.Durable.Client;
using Fractal.Durable.Functions;
using Fractal.Durable.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fractal.Durable.Management;

/// <summary>
/// The Durable Functions management API under <c>/runtime/webhooks/durabletask/</c>: instance
/// status (with long polling), listing with filters and continuation tokens, events, terminate,
/// suspend, resume and purge. Every route needs the host key.
/// </summary>
internal static class ManagementEndpoints
{
    private const string ContinuationHeader = ContinuationTokens.HeaderName;
    private static readonly TimeSpan s_maxWait = TimeSpan.FromMinutes(5);

    public static void Map(IEndpointRouteBuilder endpoints, FunctionHostOptions options)
    {
        var group = endpoints.MapGroup(DurableTaskClient.ManagementPath + "/instances");
        group.AddEndpointFilter(async (context, next) =>
            FunctionKeys.IsAuthorized(context.HttpContext.Request, options.HostKey)
                ? await next(context)
                : Problems.Result(StatusCodes.Status401Unauthorized, $"This route needs the function key in the '{FunctionKeys.HeaderName}' header or the '{FunctionKeys.QueryName}' query parameter."));

        group.MapGet("/{instanceId}", GetStatusAsync);
        group.MapGet("/", ListAsync);
        group.MapPost("/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync);
        group.MapPost("/{instanceId}/terminate", (string instanceId, string? reason, DurableTaskClient client, CancellationToken ct) =>
            AcceptAsync(client.TerminateInstanceAsync(instanceId, reason, ct)));
        group.MapPost("/{instanceId}/suspend", (string instanceId, string? reason, DurableTaskClient client, CancellationToken ct) =>
            AcceptAsync(client.SuspendInstanceAsync(instanceId, reason, ct)));
        group.MapPost("/{instanceId}/resume", (string instanceId, string? reason, DurableTaskClient client, CancellationToken ct) =>
            AcceptAsync(client.ResumeInstanceAsync(instanceId, reason, ct)));
        group.MapDelete("/{instanceId}", async (string instanceId, DurableTaskClient client, CancellationToken ct) =>
        {
            await client.PurgeInstanceAsync(instanceId, ct);
            return Results.Ok(new { instancesDeleted = 1 });
        });
        group.MapDelete("/", async (HttpRequest request, DurableTaskClient client, CancellationToken ct) =>
            Results.Ok(new { instancesDeleted = await client.PurgeAllInstancesAsync(ParseQuery(request), ct) }));
    }

    private static async Task<IResult> GetStatusAsync(HttpRequest request, string instanceId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var showInput = Flag(request, "showInput", true);
        var showHistory = Flag(request, "showHistory", false);
        var showHistoryOutput = Flag(request, "showHistoryOutput", false);
        var wait = Seconds(request, "waitForCompletion");
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
            ?? throw new InstanceNotFoundException(instanceId);
        if (wait > TimeSpan.Zero && instance.IsRunning)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                instance = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken) ?? instance;
            }
        }

        var history = showHistory ? await client.GetHistoryAsync(instanceId, cancellationToken) : null;
        var body = InstanceStatusBody.Create(instance, showInput, history, showHistoryOutput);
        var status = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => StatusCodes.Status200OK,
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status202Accepted,
        };
        if (status == StatusCodes.Status202Accepted)
        {
            request.HttpContext.Response.Headers.Location = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
            request.HttpContext.Response.Headers.RetryAfter = "1";
        }

        return Results.Json(body, statusCode: status);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var token = NullIfEmpty(request.Headers[ContinuationHeader]);
        var query = ParseQuery(request) with { ContinuationToken = token is null ? null : ContinuationTokens.Decode(token) };
        var showInput = Flag(request, "showInput", false);
        var (instances, next) = await client.GetInstancesPageAsync(query, getInputsAndOutputs: true, cancellationToken);
        if (next is not null)
        {
            request.HttpContext.Response.Headers[ContinuationHeader] = ContinuationTokens.Encode(next);
        }

        return Results.Json(new JsonArray([.. instances.Select(i => (JsonNode?)InstanceStatusBody.Create(i, showInput, null, false))]));
    }

    private static async Task<IResult> RaiseEventAsync(HttpRequest request, string instanceId, string eventName, DurableTaskClient client, CancellationToken cancellationToken)
    {
        JsonElement? payload = null;
        if (request.ContentLength is null or > 0)
        {
            var text = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    payload = JsonDocument.Parse(text).RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    throw HttpProblemException.BadRequest("body", $"The event payload is not valid JSON: {ex.Message}");
                }
            }
        }

        await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
        return Results.Accepted();
    }

    private static async Task<IResult> AcceptAsync(Task operation)
    {
        await operation;
        return Results.Accepted();
    }

    private static InstanceQuery ParseQuery(HttpRequest request)
    {
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var value in request.Query["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(value, ignoreCase: true, out var status))
            {
                throw HttpProblemException.BadRequest("runtimeStatus", $"'{value}' is not a runtime status; use {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}.");
            }

            statuses.Add(status);
        }

        var top = NullIfEmpty(request.Query["top"]);
        var pageSize = 100;
        if (top is not null && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            throw HttpProblemException.BadRequest("top", "top must be a whole number from 1 to 1000.");
        }

        return new InstanceQuery
        {
            RuntimeStatus = statuses.Count == 0 ? null : statuses,
            CreatedFrom = Time(request, "createdTimeFrom"),
            CreatedTo = Time(request, "createdTimeTo"),
            InstanceIdPrefix = NullIfEmpty(request.Query["instanceIdPrefix"]),
            PageSize = pageSize,
        };
    }

    private static DateTime? Time(HttpRequest request, string name)
    {
        var text = NullIfEmpty(request.Query[name]);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : throw HttpProblemException.BadRequest(name, $"{name} must be an ISO 8601 date and time.");
    }

    private static bool Flag(HttpRequest request, string name, bool fallback)
    {
        var text = NullIfEmpty(request.Query[name]);
        return text is null ? fallback
            : bool.TryParse(text, out var value) ? value
            : throw HttpProblemException.BadRequest(name, $"{name} must be true or false.");
    }

    private static TimeSpan Seconds(HttpRequest request, string name)
    {
        var text = NullIfEmpty(request.Query[name]);
        if (text is null)
        {
            return TimeSpan.Zero;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, s_maxWait.TotalSeconds))
            : throw HttpProblemException.BadRequest(name, $"{name} must be a number of seconds.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
