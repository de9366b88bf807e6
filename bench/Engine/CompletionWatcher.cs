using System.Collections.Concurrent;
using Fractal.Durable.Backends;

namespace Fractal.Bench.Engine;

/// <summary>
/// Completes a task when the engine writes an instance's terminal row, so the benchmark times an
/// instance to its completion without polling the store.
/// </summary>
internal sealed class CompletionWatcher
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InstanceRecord>> _waiters = new(StringComparer.Ordinal);

    /// <summary>Completes when <paramref name="instanceId"/> ends; call it before starting the instance.</summary>
    public Task<InstanceRecord> WhenEnded(string instanceId) =>
        _waiters.GetOrAdd(instanceId, _ => new TaskCompletionSource<InstanceRecord>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Written(InstanceRecord record)
    {
        if (record.IsTerminal && _waiters.TryRemove(record.InstanceId, out var waiter))
        {
            waiter.TrySetResult(record);
        }
    }
}
