using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// A RabbitMQ trigger, the same attribute as Microsoft.Azure.Functions.Worker.Extensions.RabbitMQ's (its name, namespace,
/// constructors and properties, so the SDK writes the same <c>rabbitMQTrigger</c> binding into <c>functions.metadata</c>).
/// That package is not served on our feed; in Azure, adding it and deleting this file is the only change. The local
/// host serves the trigger itself (LocalHost/RabbitMQ).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RabbitMQTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>A trigger on <paramref name="queueName"/> (an app setting as <c>%NAME%</c>).</summary>
    public RabbitMQTriggerAttribute(string queueName)
    {
        QueueName = queueName;
    }

    /// <summary>A trigger on <paramref name="queueName"/> of a broker given by host, credentials' settings and port.</summary>
    public RabbitMQTriggerAttribute(string hostName, string userNameSetting, string passwordSetting, int port, string queueName)
    {
        HostName = hostName;
        UserNameSetting = userNameSetting;
        PasswordSetting = passwordSetting;
        Port = port;
        QueueName = queueName;
    }

    /// <summary>The app setting that holds the broker's connection string (an <c>amqp://</c> URI).</summary>
    public string? ConnectionStringSetting { get; set; }

    /// <summary>The broker's host, when no connection string setting is given.</summary>
    public string? HostName { get; set; }

    /// <summary>The queue the function consumes.</summary>
    public string QueueName { get; }

    /// <summary>The app setting of the user name, when no connection string setting is given.</summary>
    public string? UserNameSetting { get; set; }

    /// <summary>The app setting of the password, when no connection string setting is given.</summary>
    public string? PasswordSetting { get; set; }

    /// <summary>The broker's port (0: the default).</summary>
    public int Port { get; set; }
}
