using System.Collections.Concurrent;

namespace Fractal.LocalHost.Tests.RabbitMQ;

/// <summary>What the test function saw of one queue's messages, and the gate that holds each invocation until the test opens it.</summary>
internal sealed class QueueProbe
{
    private static readonly ConcurrentDictionary<string, QueueProbe> s_byQueue = new();

    public ConcurrentQueue<string> Entered { get; } = new();

    public ConcurrentQueue<string> Returned { get; } = new();

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public int Running;

    public int MostAtOnce;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static QueueProbe For(string queue) => s_byQueue.GetOrAdd(queue, _ => new QueueProbe());
}
