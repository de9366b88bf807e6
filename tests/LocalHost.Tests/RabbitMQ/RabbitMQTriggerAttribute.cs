using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Fractal.LocalHost.Tests.RabbitMQ;

/// <summary>An app's RabbitMQ trigger as the local host finds it: by the attribute's name and its QueueName and ConnectionStringSetting.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RabbitMQTriggerAttribute : TriggerBindingAttribute
{
    public RabbitMQTriggerAttribute(string queueName) => QueueName = queueName;

    public string QueueName { get; }

    public string? ConnectionStringSetting { get; set; }
}
