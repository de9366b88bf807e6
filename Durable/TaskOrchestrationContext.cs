using Microsoft.Extensions.Logging;

namespace Fractal.Durable;

/// <summary>
/// What an orchestrator function sees: its input, the calls it can make and the clock it must use.
/// Orchestrator code is replayed from history, so it must be deterministic: no I/O, no
/// <c>DateTime.Now</c>, no <c>Guid.NewGuid</c>, no threads — use the members here instead.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestrator's function name.</summary>
    public abstract string Name { get; }

    /// <summary>The instance's id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The step's logical time: the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Whether the code is running again over history rather than for the first time.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The instance's input, deserialized as <typeparamref name="T"/>.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Schedules activity <paramref name="name"/> and returns its result.</summary>
    /// <exception cref="TaskFailedException">The activity threw (after any retries).</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules activity <paramref name="name"/> and waits for it to finish.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Starts orchestrator <paramref name="name"/> as a child and returns its output.</summary>
    /// <exception cref="TaskFailedException">The child failed (after any retries).</exception>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Starts orchestrator <paramref name="name"/> as a child and waits for it to finish.</summary>
    public Task CallSubOrchestratorAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(name, input, options);

    /// <summary>A durable timer that fires at <paramref name="fireAt"/> (UTC).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires after <paramref name="delay"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for the external event <paramref name="eventName"/> and returns its payload.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for the external event <paramref name="eventName"/> for at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TaskCanceledException">The timeout passed first.</exception>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var eventCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var eventTask = WaitForExternalEvent<T>(eventName, eventCancellation.Token);
        var timerTask = CreateTimer(CurrentUtcDateTime.Add(timeout), timerCancellation.Token);
        var winner = await Task.WhenAny(eventTask, timerTask);

        // Cancel synchronously: orchestrator code must not hop to other threads.
#pragma warning disable CA1849
        if (winner == eventTask)
        {
            timerCancellation.Cancel();
            return await eventTask;
        }

        eventCancellation.Cancel();
#pragma warning restore CA1849
        throw new TaskCanceledException($"The external event '{eventName}' did not arrive within {timeout}.");
    }

    /// <summary>Sets the status that clients read as <c>customStatus</c>.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Ends this execution and starts the instance again with <paramref name="newInput"/> and a fresh history.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that stays silent while the orchestrator replays.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);
}
