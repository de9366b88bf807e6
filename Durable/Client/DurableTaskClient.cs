using Fractal.Durable.Backends;
using Fractal.Durable.Engine;
using Fractal.Durable.History;
using Fractal.Durable.Messaging;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Client;

/// <summary>Starts, queries, signals and ends orchestration instances of one task hub.</summary>
public sealed class DurableTaskClient
{
    /// <summary>The base path of the Durable Functions management API.</summary>
    public const string ManagementPath = "/runtime/webhooks/durabletask";

    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);
    private readonly ITaskHubBackend _backend;
    private readonly DurableFunctionRegistry? _registry;
    private readonly InstanceStatusNotifier _notifier;
    private readonly DataConverter _converter;
    private readonly TimeProvider _time;
    private readonly string? _hostKey;

    public DurableTaskClient(
        ITaskHubBackend backend,
        DurableFunctionRegistry? registry = null,
        InstanceStatusNotifier? notifier = null,
        string? hostKey = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        _registry = registry;
        _notifier = notifier ?? new InstanceStatusNotifier();
        _converter = registry?.Converter ?? DataConverter.Default;
        _hostKey = hostKey;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The task hub's name.</summary>
    public string Name => _backend.HubName;

    /// <summary>Starts orchestrator <paramref name="orchestratorName"/> and returns the new instance's id.</summary>
    /// <exception cref="OrchestratorNotFoundException">No orchestrator has that name.</exception>
    /// <exception cref="InstanceStateException">An instance with that id exists and has not ended.</exception>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        if (_registry is not null && !_registry.HasOrchestrator(orchestratorName))
        {
            throw new OrchestratorNotFoundException(orchestratorName);
        }

        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(instanceId);
        var now = _time.GetUtcNow().UtcDateTime;
        var executionId = Guid.NewGuid().ToString("N");
        var inputJson = _converter.Serialize(input);
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = orchestratorName,
            ExecutionId = executionId,
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            Input = inputJson,
            CreatedTime = now,
            LastUpdatedTime = now,
        };
        if (!await _backend.Instances.TryCreateInstanceAsync(record, cancellationToken))
        {
            throw new InstanceStateException(instanceId, OrchestrationRuntimeStatus.Running, $"An instance with the id '{instanceId}' already exists and has not ended.");
        }

        var delay = options?.StartAt is { } startAt && startAt > _time.GetUtcNow() ? startAt - _time.GetUtcNow() : TimeSpan.Zero;
        var started = new ExecutionStartedEvent(orchestratorName, inputJson, executionId) { Timestamp = now };
        await _backend.Queues.SendControlAsync(new ControlMessage($"{instanceId}/{executionId}/start", instanceId, executionId, [started]), delay, cancellationToken);
        return instanceId;
    }

    /// <summary>The instance's state, or null when it does not exist.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        var record = await _backend.Instances.GetInstanceAsync(instanceId, cancellationToken);
        return record is null ? null : OrchestrationMetadata.From(record, getInputsAndOutputs);
    }

    /// <summary>One page of the instances that match <paramref name="query"/>.</summary>
    public async Task<(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken)> GetInstancesPageAsync(
        InstanceQuery query, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await _backend.Instances.QueryAsync(query, cancellationToken);
        return ([.. page.Instances.Select(r => OrchestrationMetadata.From(r, getInputsAndOutputs))], page.ContinuationToken);
    }

    /// <summary>Every instance that matches <paramref name="query"/>, page by page.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(
        InstanceQuery? query = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var current = query ?? new InstanceQuery();
        while (true)
        {
            var (instances, next) = await GetInstancesPageAsync(current, false, cancellationToken);
            foreach (var instance in instances)
            {
                yield return instance;
            }

            if (next is null)
            {
                yield break;
            }

            current = current with { ContinuationToken = next };
        }
    }

    /// <summary>The committed history of the instance's current execution.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        return (await _backend.Instances.LoadHistoryAsync(instanceId, cancellationToken)).Events;
    }

    /// <summary>Waits until the instance ends (Completed, Failed or Terminated).</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var changed = _notifier.WaitAsync(instanceId, s_pollInterval, cancellationToken);
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken)
                ?? throw new InstanceNotFoundException(instanceId);
            if (metadata.IsCompleted)
            {
                return metadata;
            }

            await changed;
        }
    }

    /// <summary>Sends external event <paramref name="eventName"/> to a running instance.</summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        await RequireRunningAsync(instanceId, "raise an event on", cancellationToken);
        var messageId = Guid.NewGuid().ToString("N");
        var raised = new EventRaisedEvent(eventName, _converter.Serialize(eventPayload), messageId) { Timestamp = _time.GetUtcNow().UtcDateTime };
        await _backend.Queues.SendControlAsync(new ControlMessage(messageId, instanceId, null, [raised]), TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Ends a running instance now; its output becomes <paramref name="reason"/>.</summary>
    public Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendCommandAsync(instanceId, "terminate", new ExecutionTerminatedEvent(reason), cancellationToken);

    /// <summary>Suspends a running instance: its events wait until it is resumed.</summary>
    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendCommandAsync(instanceId, "suspend", new ExecutionSuspendedEvent(reason), cancellationToken);

    /// <summary>Resumes a suspended instance.</summary>
    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendCommandAsync(instanceId, "resume", new ExecutionResumedEvent(reason), cancellationToken);

    /// <summary>Deletes an ended instance and its history.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="InstanceStateException">The instance has not ended.</exception>
    public async Task PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        var record = await _backend.Instances.GetInstanceAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
        if (!record.IsTerminal)
        {
            throw new InstanceStateException(instanceId, record.RuntimeStatus, $"Instance '{instanceId}' is {record.RuntimeStatus}; only an ended instance can be purged.");
        }

        await _backend.Instances.PurgeAsync(instanceId, cancellationToken);
    }

    /// <summary>Deletes every ended instance that matches <paramref name="query"/>; returns how many.</summary>
    public async Task<int> PurgeAllInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ended = new List<string>();
        await foreach (var instance in GetAllInstancesAsync(query with { ContinuationToken = null }, cancellationToken))
        {
            if (instance.IsCompleted)
            {
                ended.Add(instance.InstanceId);
            }
        }

        var purged = 0;
        foreach (var id in ended)
        {
            purged += await _backend.Instances.PurgeAsync(id, cancellationToken) ? 1 : 0;
        }

        return purged;
    }

    /// <summary>The management URLs of an instance, absolute, carrying the host key, based on <paramref name="request"/>'s host.</summary>
    public HttpManagementPayload CreateHttpManagementPayload(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseUri = $"{request.Scheme}://{request.Host}{request.PathBase}{ManagementPath}/instances/{Uri.EscapeDataString(instanceId)}";
        var query = $"taskHub={Uri.EscapeDataString(Name)}&connection=Storage" + (_hostKey is null ? string.Empty : $"&code={Uri.EscapeDataString(_hostKey)}");
        return new HttpManagementPayload(
            instanceId,
            $"{baseUri}?{query}",
            $"{baseUri}/raiseEvent/{{eventName}}?{query}",
            $"{baseUri}/terminate?reason={{text}}&{query}",
            $"{baseUri}?{query}",
            $"{baseUri}/suspend?reason={{text}}&{query}",
            $"{baseUri}/resume?reason={{text}}&{query}");
    }

    /// <summary>202 Accepted with a <c>Location</c> header and the check-status payload, as Durable Functions answers a start.</summary>
    public IResult CreateCheckStatusResponse(HttpRequest request, string instanceId)
    {
        var payload = CreateHttpManagementPayload(request, instanceId);
        return new AcceptedWithLocation(payload.StatusQueryGetUri, Results.Json(payload, statusCode: StatusCodes.Status202Accepted));
    }

    private async Task SendCommandAsync(string instanceId, string verb, HistoryEvent command, CancellationToken cancellationToken)
    {
        await RequireRunningAsync(instanceId, verb, cancellationToken);
        var messageId = Guid.NewGuid().ToString("N");
        var stamped = command with { Timestamp = _time.GetUtcNow().UtcDateTime };
        await _backend.Queues.SendControlAsync(new ControlMessage(messageId, instanceId, null, [stamped]), TimeSpan.Zero, cancellationToken);
    }

    private async Task RequireRunningAsync(string instanceId, string verb, CancellationToken cancellationToken)
    {
        InstanceIds.Validate(instanceId);
        var record = await _backend.Instances.GetInstanceAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
        if (record.IsTerminal)
        {
            throw new InstanceStateException(instanceId, record.RuntimeStatus, $"Instance '{instanceId}' is {record.RuntimeStatus}; cannot {verb} it.");
        }
    }

    private sealed class AcceptedWithLocation(string location, IResult body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return body.ExecuteAsync(httpContext);
        }
    }
}
