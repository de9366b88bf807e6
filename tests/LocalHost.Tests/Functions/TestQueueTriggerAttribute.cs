using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Fractal.LocalHost.Tests.Functions;

/// <summary>A trigger the local host does not know (as a RabbitMQ trigger would be).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class TestQueueTriggerAttribute : TriggerBindingAttribute
{
    public TestQueueTriggerAttribute(string queueName) => QueueName = queueName;

    public string QueueName { get; }
}
