using Fractal.Durable.History;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Replay;

/// <summary>
/// Replays an orchestrator over its history and the step's new events, on a single logical thread,
/// and reports the new actions it asks for. Divergence from history fails the execution.
/// </summary>
internal static class OrchestrationExecutor
{
    public static OrchestratorStep Execute(
        Func<TaskOrchestrationContext, Task<string?>> orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        DataConverter converter,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        var started = past.OfType<ExecutionStartedEvent>().FirstOrDefault()
            ?? newEvents.OfType<ExecutionStartedEvent>().FirstOrDefault()
            ?? throw new InvalidOperationException($"Instance '{instanceId}' has no ExecutionStarted event.");

        var context = new ReplayOrchestrationContext(started.Name, instanceId, started.Input, converter, loggerFactory);
        var sync = new OrchestrationSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(sync);
        try
        {
            return Run(orchestrator, context, sync, past, newEvents);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static OrchestratorStep Run(
        Func<TaskOrchestrationContext, Task<string?>> orchestrator,
        ReplayOrchestrationContext context,
        OrchestrationSynchronizationContext sync,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents)
    {
        Task<string?>? running = null;
        ExecutionCompletedEvent? completion = null;
        var completedInHistory = false;
        var suspended = false;
        var heldWhileSuspended = new List<HistoryEvent>();
        try
        {
            var total = past.Count + newEvents.Count;
            for (var i = 0; i < total && completion is null; i++)
            {
                var historyEvent = i < past.Count ? past[i] : newEvents[i - past.Count];
                context.ReplayingFlag = i < past.Count;
                if (suspended && IsDeliverable(historyEvent))
                {
                    heldWhileSuspended.Add(historyEvent);
                    continue;
                }

                switch (historyEvent)
                {
                    case ExecutionStartedEvent:
                        running = Start(orchestrator, context);
                        break;
                    case ExecutionSuspendedEvent:
                        suspended = true;
                        break;
                    case ExecutionResumedEvent:
                        suspended = false;
                        foreach (var held in heldWhileSuspended)
                        {
                            Apply(context, held);
                            sync.RunPending();
                        }

                        heldWhileSuspended.Clear();
                        break;
                    case ExecutionTerminatedEvent terminated:
                        completion = new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Terminated, Quote(terminated.Reason), null);
                        break;
                    case ExecutionPoisonedEvent poisoned:
                        completion = new ExecutionCompletedEvent(
                            OrchestrationRuntimeStatus.Failed, null, new TaskFailureDetails("PoisonMessage", poisoned.Reason));
                        break;
                    case ExecutionCompletedEvent recorded:
                        completion = recorded;
                        completedInHistory = true;
                        break;
                    default:
                        Apply(context, historyEvent);
                        break;
                }

                sync.RunPending();
                if (completion is null && running is { IsCompleted: true })
                {
                    completion = Complete(running, context);
                }
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            completion = new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex));
            return new OrchestratorStep([completion with { Timestamp = context.CurrentUtcDateTime }], context.CustomStatusJson, completion, []);
        }

        var actions = new List<HistoryEvent>();
        if (completion?.Status is not (OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Failed) || running is { IsCompleted: true })
        {
            actions.AddRange(context.UnconfirmedActions());
        }

        if (completion is not null && !completedInHistory)
        {
            completion = completion with { Timestamp = context.CurrentUtcDateTime };
            actions.Add(completion);
        }

        var carryOver = completion?.Status == OrchestrationRuntimeStatus.ContinuedAsNew && context.ContinueAsNewRequest is { PreserveEvents: true }
            ? [.. context.BufferedEvents, .. heldWhileSuspended.OfType<EventRaisedEvent>()]
            : Array.Empty<EventRaisedEvent>();
        return new OrchestratorStep(actions, context.CustomStatusJson, completion, carryOver);
    }

    private static Task<string?> Start(Func<TaskOrchestrationContext, Task<string?>> orchestrator, ReplayOrchestrationContext context)
    {
        try
        {
            return orchestrator(context);
        }
        catch (Exception ex) when (ex is not NonDeterministicOrchestrationException)
        {
            return Task.FromException<string?>(ex);
        }
    }

    private static void Apply(ReplayOrchestrationContext context, HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case OrchestratorStartedEvent step:
                context.SetCurrentTime(step.Timestamp);
                break;
            case TaskScheduledEvent scheduled:
                context.Confirm(scheduled.TaskId, "activity", scheduled.Name);
                break;
            case SubOrchestrationCreatedEvent created:
                context.Confirm(created.TaskId, "sub-orchestration", created.Name);
                break;
            case TimerCreatedEvent timer:
                context.Confirm(timer.TaskId, "timer", "timer");
                break;
            case TaskCompletedEvent completed:
                context.Complete(completed.TaskId, completed.Result);
                break;
            case TaskFailedEvent failed:
                context.Fail(failed.TaskId, failed.Failure);
                break;
            case TimerFiredEvent fired:
                context.Complete(fired.TaskId, null);
                break;
            case SubOrchestrationCompletedEvent completed:
                context.Complete(completed.TaskId, completed.Result);
                break;
            case SubOrchestrationFailedEvent failed:
                context.Fail(failed.TaskId, failed.Failure);
                break;
            case EventRaisedEvent raised:
                context.Raise(raised);
                break;
            default:
                break;
        }
    }

    private static bool IsDeliverable(HistoryEvent historyEvent) => historyEvent is TaskCompletedEvent or TaskFailedEvent
        or TimerFiredEvent or SubOrchestrationCompletedEvent or SubOrchestrationFailedEvent or EventRaisedEvent;

    private static ExecutionCompletedEvent Complete(Task<string?> running, ReplayOrchestrationContext context)
    {
        if (running.IsCompletedSuccessfully)
        {
            return context.ContinueAsNewRequest is { } next
                ? new ExecutionCompletedEvent(OrchestrationRuntimeStatus.ContinuedAsNew, next.Input, null)
                : new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, running.Result, null);
        }

        var error = running.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
        if (error is NonDeterministicOrchestrationException nonDeterministic)
        {
            throw nonDeterministic;
        }

        return new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error));
    }

    private static string? Quote(string? reason) => reason is null ? null : System.Text.Json.JsonSerializer.Serialize(reason);
}
