using System.Collections.Concurrent;
using Fractal.Durable.Messaging;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Engine;

/// <summary>
/// Polls one owned control partition and hands each instance's messages to its session. Idle polling
/// backs off to the configured maximum; a send from this process wakes it at once.
/// </summary>
internal sealed class ControlQueueDispatcher : IAsyncDisposable
{
    private const int ReceiveBatchSize = 32;
    private static readonly TimeSpan s_sessionIdleLimit = TimeSpan.FromMinutes(2);

    private readonly EngineContext _engine;
    private readonly ConcurrentDictionary<string, OrchestrationSession> _sessions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public ControlQueueDispatcher(int partition, EngineContext engine)
    {
        Partition = partition;
        _engine = engine;
        _loop = Task.Run(() => PollAsync(_stopping.Token));
    }

    public int Partition { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _sessions.Clear();
        _stopping.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var backoff = new PollingBackoff(_engine.Options.MaxQueuePollingInterval);
        var lastSweep = DateTime.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<ReceivedMessage<ControlMessage>> messages;
            try
            {
                messages = await _engine.Backend.Queues.ReceiveControlAsync(Partition, ReceiveBatchSize, _engine.Options.VisibilityTimeout, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _engine.Logger.LogWarning(ex, "Receiving from control partition {Partition} failed", Partition);
                await _engine.Backend.Queues.WaitForControlAsync(Partition, _engine.Options.MaxQueuePollingInterval, cancellationToken);
                continue;
            }

            if (messages.Count == 0)
            {
                await _engine.Backend.Queues.WaitForControlAsync(Partition, backoff.Next(), cancellationToken);
                if (DateTime.UtcNow - lastSweep > s_sessionIdleLimit)
                {
                    SweepIdleSessions();
                    lastSweep = DateTime.UtcNow;
                }

                continue;
            }

            backoff.Reset();
            foreach (var group in messages.GroupBy(m => m.Body.InstanceId, StringComparer.Ordinal))
            {
                var session = _sessions.GetOrAdd(group.Key, id => new OrchestrationSession(id, _engine, Ended));
                session.Enqueue(group, cancellationToken);
            }
        }
    }

    /// <summary>Queues a message that arrived in memory (a local batch's results) for its instance's session.</summary>
    public void Deliver(ReceivedMessage<ControlMessage> message)
    {
        var session = _sessions.GetOrAdd(message.Body.InstanceId, id => new OrchestrationSession(id, _engine, Ended));
        session.Enqueue([message], _stopping.Token);
    }

    private void Ended(OrchestrationSession session) => _sessions.TryRemove(KeyValuePair.Create(session.InstanceId, session));

    private void SweepIdleSessions()
    {
        var limit = DateTime.UtcNow - s_sessionIdleLimit;
        foreach (var (id, session) in _sessions)
        {
            if (session.IsIdle && session.LastActivity < limit)
            {
                _sessions.TryRemove(KeyValuePair.Create(id, session));
            }
        }
    }
}
