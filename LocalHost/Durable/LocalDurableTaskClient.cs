using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using DurableTask.Core.Tracing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Newtonsoft.Json.Linq;
using CoreOrchestrationQuery = DurableTask.Core.Query.OrchestrationQuery;
using CorePurgeResult = DurableTask.Core.PurgeResult;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// A <see cref="DurableTaskClient"/> over DTFx's <see cref="IOrchestrationServiceClient"/>, with the real client's
/// semantics: events, terminations, suspensions and resumptions aimed at ended or unknown instances are dropped;
/// <see cref="OrchestrationMetadata.IsRunning"/> means Running only; purging an instance that has not ended fails;
/// waits poll the store with a short, growing interval.
/// </summary>
public sealed class LocalDurableTaskClient : DurableTaskClient
{
    /// <summary>The statuses a start does not overwrite when the caller gives none (Durable Functions' default: running states).</summary>
    private static readonly OrchestrationStatus[] s_runningStatuses =
        [OrchestrationStatus.Running, OrchestrationStatus.Pending, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Suspended];

    private static readonly OrchestrationStatus[] s_terminalStatuses =
        [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated];

    private static readonly TimeSpan s_firstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan s_longestPoll = TimeSpan.FromMilliseconds(500);

    private static readonly Dictionary<EventType, Type> s_historyEventTypes = HistoryEvent.KnownTypes()
        .Where(t => !t.IsAbstract && typeof(HistoryEvent).IsAssignableFrom(t))
        .Select(t => (Type: t, Event: (HistoryEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)))
        .GroupBy(x => x.Event.EventType)
        .ToDictionary(g => g.Key, g => g.First().Type);

    private readonly IOrchestrationServiceClient _service;
    private readonly DataConverter _dataConverter;
    private readonly RunningActivities? _running;

    /// <summary>
    /// Creates a client of the task hub <paramref name="name"/> served by <paramref name="service"/>; purging an instance
    /// cancels its activities in <paramref name="running"/>, this host's.
    /// </summary>
    public LocalDurableTaskClient(string name, IOrchestrationServiceClient service, DataConverter dataConverter, RunningActivities? running = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(dataConverter);
        _service = service;
        _dataConverter = dataConverter;
        _running = running;
    }

    /// <summary>The converter used for inputs, outputs, events and custom status.</summary>
    public DataConverter DataConverter => _dataConverter;

    /// <inheritdoc />
    public override DurableEntityClient Entities =>
        throw new NotSupportedException("The local host does not serve Durable entities.");

    /// <inheritdoc />
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name, nameof(orchestratorName));
        if (options?.InstanceId is { } instanceId)
        {
            InstanceIds.Validate(instanceId, InstanceIds.OptionsParameter);
        }

        var dedupe = options?.DedupeStatuses is { } statuses
            ? [.. statuses.Select(ParseStatus)]
            : s_runningStatuses;
        var started = new ExecutionStartedEvent(-1, _dataConverter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? string.Empty,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags is { } tags ? new Dictionary<string, string>(tags) : null,
        };
        return StartAsync(started, options?.InstanceId, dedupe, cancellation);
    }

    /// <summary>
    /// Starts the orchestration of <paramref name="instanceId"/> again with its name, version, input and tags: under a new
    /// ID, or under the same one once it has ended (an instance still running under that ID is refused with
    /// <see cref="DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No instance has that ID.</exception>
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await GetStateAsync(instanceId, cancellation)
            ?? throw new ArgumentException($"No orchestration instance with the ID '{instanceId}' was found.", nameof(instanceId));
        var started = new ExecutionStartedEvent(-1, state.Input)
        {
            Name = state.Name,
            Version = state.Version ?? string.Empty,
            Tags = state.Tags is { } tags ? new Dictionary<string, string>(tags) : null,
        };
        return await StartAsync(started, restartWithNewInstanceId ? null : instanceId, s_runningStatuses, cancellation);
    }

    /// <inheritdoc />
    public override async Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (await GetLiveStateAsync(instanceId, cancellation) is not { } state)
        {
            return;
        }

        var raised = new EventRaisedEvent(-1, _dataConverter.Serialize(eventPayload)) { Name = eventName };
        await SendAsync(state, raised);
    }

    /// <inheritdoc />
    public override async Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (await GetLiveStateAsync(instanceId, cancellation) is not { } state)
        {
            return;
        }

        await SendAsync(state, new ExecutionTerminatedEvent(-1, _dataConverter.Serialize(options?.Output)));
    }

    /// <inheritdoc />
    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (await GetLiveStateAsync(instanceId, cancellation) is { } state && state.OrchestrationStatus != OrchestrationStatus.Suspended)
        {
            await SendAsync(state, new ExecutionSuspendedEvent(-1, reason));
        }
    }

    /// <inheritdoc />
    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (await GetLiveStateAsync(instanceId, cancellation) is { OrchestrationStatus: OrchestrationStatus.Suspended } state)
        {
            await SendAsync(state, new ExecutionResumedEvent(-1, reason));
        }
    }

    /// <inheritdoc />
    public override async Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (_service is not AzureStorageOrchestrationService azureStorage)
        {
            throw new NotSupportedException("This task hub's storage provider cannot rewind instances.");
        }

        var state = await GetStateAsync(instanceId, cancellation)
            ?? throw new ArgumentException($"No orchestration instance with the ID '{instanceId}' was found.", nameof(instanceId));
        if (state.OrchestrationStatus != OrchestrationStatus.Failed)
        {
            throw new InvalidOperationException(
                $"The orchestration instance '{instanceId}' is {state.OrchestrationStatus}; only failed instances can be rewound.");
        }

        await azureStorage.RewindTaskOrchestrationAsync(instanceId, reason);
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await GetStateAsync(instanceId, cancellation);
        return state is null ? null : ToMetadata(state, getInputsAndOutputs);
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var queryClient = _service as IOrchestrationServiceQueryClient
            ?? throw new NotSupportedException("This task hub's storage provider cannot list instances.");
        return Pageable.Create(async (string? continuation, int? pageSize, CancellationToken cancellation) =>
        {
            var query = new CoreOrchestrationQuery
            {
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                RuntimeStatus = filter?.Statuses?.Select(s => (OrchestrationStatus)s).ToList(),
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
                ExcludeEntities = true,
            };
            var result = await queryClient.GetOrchestrationWithQueryAsync(query, cancellation);
            var page = result.OrchestrationState.Select(s => ToMetadata(s, query.FetchInputsAndOutputs)).ToList();
            return new Page<OrchestrationMetadata>(page, string.IsNullOrEmpty(result.ContinuationToken) ? null : result.ContinuationToken);
        });
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var purgeClient = PurgeClient();
        var state = await GetStateAsync(instanceId, cancellation);
        if (state is null)
        {
            return new PurgeResult(0);
        }

        if (!s_terminalStatuses.Contains(state.OrchestrationStatus))
        {
            throw new InvalidOperationException(
                $"The orchestration instance '{instanceId}' is {state.OrchestrationStatus}; only completed, failed or terminated instances can be purged.");
        }

        var result = await purgeClient.PurgeInstanceStateAsync(instanceId);
        _running?.Cancel(instanceId);
        return ToPurgeResult(result);
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var purgeClient = PurgeClient();
        var statuses = filter.Statuses?.Select(s => (OrchestrationStatus)s).ToList() ?? [.. s_terminalStatuses];
        var running = statuses.Where(s => !s_terminalStatuses.Contains(s)).ToList();
        if (running.Count > 0)
        {
            throw new InvalidOperationException(
                $"Only completed, failed or terminated instances can be purged, not {string.Join(", ", running)}.");
        }

        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue, filter.CreatedTo?.UtcDateTime, statuses)
        {
            Timeout = filter.Timeout,
        };
        return ToPurgeResult(await purgeClient.PurgeInstanceStateAsync(coreFilter));
    }

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, s => s != OrchestrationStatus.Pending, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, IsTerminal, cancellation);

    /// <inheritdoc />
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var json = await _service.GetOrchestrationHistoryAsync(instanceId, executionId: null);
        return ParseHistory(json);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Reads DTFx's JSON history (an array of events without type names) into typed events, by their <c>EventType</c>.</summary>
    private async Task<string> StartAsync(
        ExecutionStartedEvent started, string? instanceId, OrchestrationStatus[] dedupe, CancellationToken cancellation)
    {
        var instance = new OrchestrationInstance
        {
            InstanceId = string.IsNullOrEmpty(instanceId) ? Guid.NewGuid().ToString("N") : instanceId,
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        started.OrchestrationInstance = instance;

        // As the Durable client does: the caller's trace (the HTTP request's, or the starting function's) becomes the
        // orchestration's parent, so DTFx traces the orchestration and its activities under it: one request, one trace.
        if (Activity.Current is { } caller)
        {
            started.ParentTraceContext = new DistributedTraceContext(caller.Id!, caller.TraceStateString);
        }

        cancellation.ThrowIfCancellationRequested();
        await _service.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupe);
        return instance.InstanceId;
    }

    internal static List<HistoryEvent> ParseHistory(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        var events = new List<HistoryEvent>();
        foreach (var item in JArray.Parse(json).OfType<JObject>())
        {
            var eventType = item.GetValue(nameof(HistoryEvent.EventType), StringComparison.OrdinalIgnoreCase);
            if (eventType is null)
            {
                continue;
            }

            var type = eventType.Type == JTokenType.Integer
                ? (EventType)eventType.Value<int>()
                : Enum.Parse<EventType>(eventType.Value<string>()!, ignoreCase: true);
            if (s_historyEventTypes.TryGetValue(type, out var clrType) && item.ToObject(clrType) is HistoryEvent historyEvent)
            {
                events.Add(historyEvent);
            }
        }

        return events;
    }

    private static bool IsTerminal(OrchestrationStatus status) =>
        s_terminalStatuses.Contains(status) || status == OrchestrationStatus.Canceled;

    private static OrchestrationStatus ParseStatus(string status) =>
        Enum.TryParse<OrchestrationStatus>(status, ignoreCase: true, out var parsed)
            ? parsed
            : throw new ArgumentException($"'{status}' is not an orchestration status.", nameof(status));

    private static PurgeResult ToPurgeResult(CorePurgeResult result) => new(result.DeletedInstanceCount, result.IsComplete);

    private static TaskFailureDetails? ToFailureDetails(FailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, ToFailureDetails(details.InnerFailure), details.Properties);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private IOrchestrationServicePurgeClient PurgeClient() => _service as IOrchestrationServicePurgeClient
        ?? throw new NotSupportedException("This task hub's storage provider cannot purge instances.");

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withPayloads) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = _dataConverter,
            RuntimeStatus = (OrchestrationRuntimeStatus)state.OrchestrationStatus,
            CreatedAt = Utc(state.CreatedTime),
            LastUpdatedAt = Utc(state.LastUpdatedTime),
            SerializedInput = withPayloads ? state.Input : null,
            SerializedOutput = withPayloads ? state.Output : null,
            SerializedCustomStatus = withPayloads ? state.Status : null,
            Tags = state.Tags is { } tags ? new Dictionary<string, string>(tags) : new Dictionary<string, string>(),
            FailureDetails = ToFailureDetails(state.FailureDetails)
                ?? (state.OrchestrationStatus == OrchestrationStatus.Failed && state.Output is { } output
                    ? new TaskFailureDetails("Exception", output, null, null, null)
                    : null),
        };

    private async Task<OrchestrationState?> GetStateAsync(string instanceId, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var states = await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states?.FirstOrDefault(s => s is not null);
    }

    private async Task<OrchestrationState?> GetLiveStateAsync(string instanceId, CancellationToken cancellation)
    {
        var state = await GetStateAsync(instanceId, cancellation);
        return state is null || IsTerminal(state.OrchestrationStatus) ? null : state;
    }

    private Task SendAsync(OrchestrationState state, HistoryEvent historyEvent) =>
        _service.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = state.OrchestrationInstance.InstanceId },
            Event = historyEvent,
        });

    private async Task<OrchestrationMetadata> WaitAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationStatus, bool> done, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var delay = s_firstPoll;
        while (true)
        {
            var state = await GetStateAsync(instanceId, cancellation);
            if (state is not null && done(state.OrchestrationStatus))
            {
                return ToMetadata(state, getInputsAndOutputs);
            }

            await Task.Delay(delay, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(s_longestPoll.Ticks, delay.Ticks * 3 / 2));
        }
    }
}
