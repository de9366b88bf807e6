using System.Collections.Concurrent;
using Fractal.Durable.Backends;
using Fractal.Durable.Messaging;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Engine;

/// <summary>What the parts of one worker share: storage, settings, functions, limits and the record of recent failures.</summary>
internal sealed class EngineContext
{
    private readonly ConcurrentDictionary<string, string> _lastFailures = new(StringComparer.Ordinal);

    public EngineContext(
        ITaskHubBackend backend,
        DurableTaskOptions options,
        DurableFunctionRegistry registry,
        InstanceStatusNotifier notifier,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        Backend = backend;
        Options = options;
        Registry = registry;
        Notifier = notifier;
        Time = time;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger("Fractal.Durable.Engine");
        OrchestratorSlots = new SemaphoreSlim(options.MaxConcurrentOrchestratorFunctions);
        ActivitySlots = new SemaphoreSlim(options.MaxConcurrentActivityFunctions);
    }

    public ITaskHubBackend Backend { get; }

    public DurableTaskOptions Options { get; }

    public DurableFunctionRegistry Registry { get; }

    public InstanceStatusNotifier Notifier { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ILogger Logger { get; }

    public SemaphoreSlim OrchestratorSlots { get; }

    public SemaphoreSlim ActivitySlots { get; }

    /// <summary>Runs or sends a work-item batch; set by the worker (the local fast path may run it here).</summary>
    public Func<WorkItemBatch, CancellationToken, Task> WorkItemSink { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>
    /// Hands a batch's results to the owning session in this process, if this process owns the
    /// instance's partition; the message's receipt is the batch's, deleted once the results are in
    /// history. Set by the worker; false means "send them through the control queue".
    /// </summary>
    public Func<ReceivedMessage<ControlMessage>, bool> TryDeliverLocally { get; set; } = _ => false;

    public Task DispatchWorkItemAsync(WorkItemBatch batch, CancellationToken cancellationToken) => WorkItemSink(batch, cancellationToken);

    public void RememberFailure<T>(IEnumerable<ReceivedMessage<T>> messages, Exception error)
    {
        var reason = $"{error.GetType().Name}: {error.Message}";
        foreach (var message in messages)
        {
            _lastFailures[message.Receipt.MessageId] = reason;
        }

        if (_lastFailures.Count > 10_000)
        {
            _lastFailures.Clear();
        }
    }

    public string PoisonReason(string messageId, int dequeueCount) =>
        $"A message was received {dequeueCount} times without being processed and was moved to the poison queue" +
        (_lastFailures.TryRemove(messageId, out var last) ? $"; the last attempt failed with {last}" : ".");
}
