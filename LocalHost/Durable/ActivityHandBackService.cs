using System.Collections.Concurrent;
using DurableTask.Core;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// DTFx's orchestration service (the Azure Storage one) as the local host's worker sees it. It keeps the activity work
/// items in flight so that a stopping host hands them back to the work-item queue at once (<see cref="HandBackAsync"/>)
/// instead of waiting for functions that may not end soon, or leaving the messages locked until their visibility timeout;
/// once an item is handed back, what the dispatcher later reports for it (completion, abandon, lock renewal) is dropped,
/// and the next host to take the message runs the activity again. Everything else passes through unchanged.
/// </summary>
internal sealed class ActivityHandBackService : IOrchestrationService
{
    private readonly IOrchestrationService _inner;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<TaskActivityWorkItem, byte> _inFlight = new(ReferenceEqualityComparer.Instance);
    private volatile bool _handingBack;

    public ActivityHandBackService(IOrchestrationService inner, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(logger);
        _inner = inner;
        _logger = logger;
    }

    /// <inheritdoc />
    public int TaskOrchestrationDispatcherCount => _inner.TaskOrchestrationDispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskOrchestrationWorkItems => _inner.MaxConcurrentTaskOrchestrationWorkItems;

    /// <inheritdoc />
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => _inner.EventBehaviourForContinueAsNew;

    /// <inheritdoc />
    public int TaskActivityDispatcherCount => _inner.TaskActivityDispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskActivityWorkItems => _inner.MaxConcurrentTaskActivityWorkItems;

    /// <summary>
    /// Returns every activity work item in flight to the work-item queue (visible again at once, for this hub's next
    /// host), and every one fetched from now on as soon as it arrives.
    /// </summary>
    /// <returns>How many were in flight.</returns>
    public async Task<int> HandBackAsync()
    {
        _handingBack = true;
        var handedBack = 0;
        foreach (var workItem in _inFlight.Keys)
        {
            if (_inFlight.TryRemove(workItem, out _))
            {
                await _inner.AbandonTaskActivityWorkItemAsync(workItem);
                handedBack++;
            }
        }

        return handedBack;
    }

    /// <inheritdoc />
    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await _inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is null)
        {
            return workItem!;
        }

        if (_handingBack)
        {
            await _inner.AbandonTaskActivityWorkItemAsync(workItem);
            return null!;
        }

        _inFlight.TryAdd(workItem, 0);
        return workItem;
    }

    /// <inheritdoc />
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        _inFlight.ContainsKey(workItem) ? _inner.RenewTaskActivityWorkItemLockAsync(workItem) : Task.FromResult(workItem);

    /// <inheritdoc />
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        _inFlight.TryRemove(workItem, out _) ? _inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage) : Dropped(workItem);

    /// <inheritdoc />
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        _inFlight.TryRemove(workItem, out _) ? _inner.AbandonTaskActivityWorkItemAsync(workItem) : Dropped(workItem);

    /// <inheritdoc />
    public Task StartAsync()
    {
        _handingBack = false;
        return _inner.StartAsync();
    }

    /// <inheritdoc />
    public Task StopAsync() => _inner.StopAsync();

    /// <inheritdoc />
    public Task StopAsync(bool isForced) => _inner.StopAsync(isForced);

    /// <inheritdoc />
    public Task CreateAsync() => _inner.CreateAsync();

    /// <inheritdoc />
    public Task CreateAsync(bool recreateInstanceStore) => _inner.CreateAsync(recreateInstanceStore);

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync() => _inner.CreateIfNotExistsAsync();

    /// <inheritdoc />
    public Task DeleteAsync() => _inner.DeleteAsync();

    /// <inheritdoc />
    public Task DeleteAsync(bool deleteInstanceStore) => _inner.DeleteAsync(deleteInstanceStore);

    /// <inheritdoc />
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        _inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => _inner.GetDelayInSecondsAfterOnProcessException(exception);

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => _inner.GetDelayInSecondsAfterOnFetchException(exception);

    /// <inheritdoc />
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        _inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    /// <inheritdoc />
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => _inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    /// <inheritdoc />
    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        _inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    /// <inheritdoc />
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => _inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc />
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => _inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc />
    public override string ToString() => _inner.ToString() ?? nameof(ActivityHandBackService);

    private Task Dropped(TaskActivityWorkItem workItem)
    {
        _logger.LogInformation(
            "Activity work item {WorkItem} of {InstanceId} was handed back when the host stopped: its outcome here is dropped, the next host runs it again.",
            workItem.Id, workItem.TaskMessage?.OrchestrationInstance?.InstanceId);
        return Task.CompletedTask;
    }
}
