namespace Fractal.LocalHost.Durable;

/// <summary>
/// The activity functions this host runs, by orchestration instance, each with a cancellation of its own: cancelled when
/// the host stops, and when its instance is purged through this host's client (a deleted analysis: terminated, then
/// purged), so that the work of an instance that is gone stops here too, as far as the function honours its token, and
/// writes nothing after it. The purge, not the termination, cancels: what a cancelled activity returns must reach an
/// instance whose history is gone, where the engine drops it; reaching a terminated instance still in storage, the
/// engine's discard rewrites the instance's status, which a purge running at that moment would leave behind.
/// </summary>
public sealed class RunningActivities
{
    private readonly Dictionary<string, List<CancellationTokenSource>> _byInstance = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Registers an activity of <paramref name="instanceId"/>; its token also ends with <paramref name="stopping"/>.</summary>
    internal CancellationTokenSource Start(string instanceId, CancellationToken stopping)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        lock (_gate)
        {
            if (!_byInstance.TryGetValue(instanceId, out var running))
            {
                _byInstance[instanceId] = running = [];
            }

            running.Add(cancellation);
        }

        return cancellation;
    }

    /// <summary>Forgets an activity that has returned, and releases its cancellation.</summary>
    internal void End(string instanceId, CancellationTokenSource cancellation)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        lock (_gate)
        {
            if (_byInstance.TryGetValue(instanceId, out var running) && running.Remove(cancellation) && running.Count == 0)
            {
                _byInstance.Remove(instanceId);
            }

            cancellation.Dispose();
        }
    }

    /// <summary>Cancels every activity of <paramref name="instanceId"/> running here; returns how many.</summary>
    public int Cancel(string instanceId)
    {
        lock (_gate)
        {
            if (!_byInstance.TryGetValue(instanceId, out var running))
            {
                return 0;
            }

            foreach (var cancellation in running.ToList())
            {
                cancellation.Cancel();
            }

            return running.Count;
        }
    }
}
