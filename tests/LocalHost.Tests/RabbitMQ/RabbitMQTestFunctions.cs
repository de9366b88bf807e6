using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Tests.RabbitMQ;

/// <summary>
/// A RabbitMQ-triggered function for the listener's tests. It waits at its queue's gate; then a body starting with
/// <c>bad</c> throws an <see cref="ArgumentException"/> (a bad message), <c>flaky</c> fails twice before it succeeds, and
/// any other body returns.
/// </summary>
public static class RabbitMQTestFunctions
{
    [Function("Queue_Probe")]
    public static async Task RunAsync(
        [RabbitMQTrigger("%TEST_QUEUE%", ConnectionStringSetting = "TestBroker")] string message,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var probe = QueueProbe.For((string)context.BindingContext.BindingData["RoutingKey"]!);
        probe.Entered.Enqueue(message);
        var running = Interlocked.Increment(ref probe.Running);
        InterlockedMax(ref probe.MostAtOnce, running);
        try
        {
            await probe.Gate.Task.WaitAsync(cancellationToken);
            if (message.StartsWith("bad", StringComparison.Ordinal))
            {
                throw new ArgumentException($"the message '{message}' is bad");
            }

            if (message.StartsWith("flaky", StringComparison.Ordinal) && probe.Attempts.AddOrUpdate(message, 1, (_, n) => n + 1) < 3)
            {
                throw new InvalidOperationException("not yet");
            }

            probe.Returned.Enqueue(message);
        }
        finally
        {
            Interlocked.Decrement(ref probe.Running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
