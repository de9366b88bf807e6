using System.Security.Cryptography;
using System.Text;
using Fractal.Durable.Backends;
using Fractal.Durable.History;
using Fractal.Durable.Messaging;

namespace Fractal.Durable.Engine;

/// <summary>
/// What a committed step sends: its activity calls as few work-item batches, its timers, its
/// children's starts, its parent's notification and its next execution. Derived from the step's
/// events alone, with deterministic message ids, so a step that crashed after committing can send
/// them again and receivers drop what they already have.
/// </summary>
internal sealed record OutboundMessages(
    IReadOnlyList<WorkItemBatch> WorkItems,
    IReadOnlyList<(ControlMessage Message, TimeSpan Delay)> ControlMessages,
    IReadOnlyList<InstanceRecord> ChildInstances)
{
    public bool IsEmpty => WorkItems.Count == 0 && ControlMessages.Count == 0 && ChildInstances.Count == 0;

    public static OutboundMessages For(
        string instanceId,
        string executionId,
        ExecutionStartedEvent started,
        IEnumerable<HistoryEvent> stepEvents,
        IReadOnlyList<EventRaisedEvent> carryOver,
        DurableTaskOptions options,
        DateTime now)
    {
        var calls = new List<ActivityCall>();
        var control = new List<(ControlMessage, TimeSpan)>();
        var children = new List<InstanceRecord>();
        foreach (var historyEvent in stepEvents)
        {
            switch (historyEvent)
            {
                case TaskScheduledEvent scheduled:
                    calls.Add(new ActivityCall(scheduled.TaskId, scheduled.Name, scheduled.Input));
                    break;
                case TimerCreatedEvent timer:
                    var fired = new TimerFiredEvent(timer.TaskId, timer.FireAt) { Timestamp = timer.FireAt };
                    var delay = timer.FireAt - now;
                    control.Add((Message(instanceId, executionId, $"timer/{timer.TaskId}", fired), delay > TimeSpan.Zero ? delay : TimeSpan.Zero));
                    break;
                case SubOrchestrationCreatedEvent created:
                    var childExecution = DeterministicId($"{instanceId}/{executionId}/child/{created.TaskId}");
                    children.Add(new InstanceRecord
                    {
                        InstanceId = created.InstanceId,
                        Name = created.Name,
                        ExecutionId = childExecution,
                        RuntimeStatus = OrchestrationRuntimeStatus.Pending,
                        Input = created.Input,
                        CreatedTime = now,
                        LastUpdatedTime = now,
                        ParentInstanceId = instanceId,
                    });
                    var start = new ExecutionStartedEvent(created.Name, created.Input, childExecution)
                    {
                        Timestamp = now,
                        ParentInstanceId = instanceId,
                        ParentExecutionId = executionId,
                        ParentTaskId = created.TaskId,
                    };
                    control.Add((new ControlMessage($"{instanceId}/{executionId}/child/{created.TaskId}", created.InstanceId, childExecution, [start]), TimeSpan.Zero));
                    break;
                case ExecutionCompletedEvent completed:
                    AddCompletionMessages(instanceId, executionId, started, completed, carryOver, now, control);
                    break;
                default:
                    break;
            }
        }

        return new OutboundMessages(Batch(instanceId, executionId, calls, options), control, children);
    }

    /// <summary>A GUID-shaped id that the same <paramref name="name"/> always yields.</summary>
    public static string DeterministicId(string name) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString("N");

    private static void AddCompletionMessages(
        string instanceId,
        string executionId,
        ExecutionStartedEvent started,
        ExecutionCompletedEvent completed,
        IReadOnlyList<EventRaisedEvent> carryOver,
        DateTime now,
        List<(ControlMessage, TimeSpan)> control)
    {
        if (completed.Status == OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            var next = DeterministicId($"{instanceId}/{executionId}/continue");
            var restart = new ExecutionStartedEvent(started.Name, completed.Result, next)
            {
                Timestamp = now,
                ParentInstanceId = started.ParentInstanceId,
                ParentExecutionId = started.ParentExecutionId,
                ParentTaskId = started.ParentTaskId,
            };
            control.Add((new ControlMessage($"{instanceId}/{executionId}/continue", instanceId, next, [restart]), TimeSpan.Zero));
            for (var i = 0; i < carryOver.Count; i++)
            {
                control.Add((new ControlMessage($"{instanceId}/{executionId}/carry/{i}", instanceId, next, [carryOver[i]]), TimeSpan.Zero));
            }

            return;
        }

        if (started.ParentInstanceId is null)
        {
            return;
        }

        HistoryEvent notification = completed.Status == OrchestrationRuntimeStatus.Completed
            ? new SubOrchestrationCompletedEvent(started.ParentTaskId, completed.Result) { Timestamp = now }
            : new SubOrchestrationFailedEvent(
                started.ParentTaskId,
                completed.Failure ?? new TaskFailureDetails("Terminated", $"Sub-orchestration '{instanceId}' was terminated."))
            { Timestamp = now };
        control.Add((new ControlMessage($"{instanceId}/{executionId}/done", started.ParentInstanceId, started.ParentExecutionId, [notification]), TimeSpan.Zero));
    }

    private static List<WorkItemBatch> Batch(string instanceId, string executionId, List<ActivityCall> calls, DurableTaskOptions options)
    {
        var batches = new List<WorkItemBatch>();
        var current = new List<ActivityCall>();
        var bytes = 0;
        foreach (var call in calls)
        {
            var size = Encoding.UTF8.GetByteCount(call.Input ?? string.Empty) + call.Name.Length + 32;
            if (current.Count > 0 && (current.Count >= options.WorkItemBatchSize || bytes + size > options.WorkItemBatchBytes))
            {
                batches.Add(NewBatch(instanceId, executionId, current));
                current = [];
                bytes = 0;
            }

            current.Add(call);
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(NewBatch(instanceId, executionId, current));
        }

        return batches;
    }

    private static WorkItemBatch NewBatch(string instanceId, string executionId, List<ActivityCall> calls) =>
        new($"{instanceId}/{executionId}/work/{calls[0].TaskId}", instanceId, executionId, calls);

    private static ControlMessage Message(string instanceId, string executionId, string kind, HistoryEvent historyEvent) =>
        new($"{instanceId}/{executionId}/{kind}", instanceId, executionId, [historyEvent]);
}
