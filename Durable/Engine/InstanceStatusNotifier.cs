using System.Collections.Concurrent;

namespace Fractal.Durable.Engine;

/// <summary>
/// Tells waiters in this process that an instance's row changed, so a client waiting for completion
/// need not poll the store; waiters still poll now and then for changes made by other processes.
/// </summary>
public sealed class InstanceStatusNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>Wakes everyone waiting on <paramref name="instanceId"/>.</summary>
    public void Notify(string instanceId)
    {
        if (_waiters.TryRemove(instanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Completes when <paramref name="instanceId"/> changes or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await waiter.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Time to look at the store again.
        }
    }
}
