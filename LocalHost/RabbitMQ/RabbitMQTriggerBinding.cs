using System.Reflection;
using Fractal.LocalHost.Functions;

namespace Fractal.LocalHost.RabbitMQ;

/// <summary>
/// A function's RabbitMQ trigger, read from its <c>RabbitMQTriggerAttribute</c> by name and properties (the
/// Worker.Extensions.RabbitMQ attribute or an app's mirror of it): the queue (<c>%SETTING%</c> resolved from the
/// settings) and the broker's connection string (the setting <c>ConnectionStringSetting</c> names). The dead letters go
/// to the exchange and queue <c>{queue}.dead</c>.
/// </summary>
public sealed record RabbitMQTriggerBinding(FunctionDescriptor Function, string QueueName, string ConnectionString)
{
    public const string AttributeName = "RabbitMQTriggerAttribute";

    /// <summary>The dead-letter exchange and queue.</summary>
    public string DeadLetterName => QueueName + ".dead";

    /// <summary>Whether <paramref name="function"/> has a RabbitMQ trigger.</summary>
    public static bool IsRabbitMQTrigger(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function.Trigger.Binding?.GetType().Name == AttributeName;
    }

    /// <summary>The binding of <paramref name="function"/>, or why it cannot be served with these settings.</summary>
    public static (RabbitMQTriggerBinding? Binding, string? Problem) Resolve(FunctionDescriptor function, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(configuration);
        var attribute = function.Trigger.Binding!;
        var queue = Property(attribute, "QueueName");
        var connectionSetting = Property(attribute, "ConnectionStringSetting");
        if (string.IsNullOrWhiteSpace(queue))
        {
            return (null, $"the trigger of '{function.Name}' names no queue");
        }

        if (queue.Length > 2 && queue[0] == '%' && queue[^1] == '%')
        {
            var setting = queue[1..^1];
            queue = configuration[setting];
            if (string.IsNullOrWhiteSpace(queue))
            {
                return (null, $"the app setting {setting}, which names the queue of '{function.Name}', is not set");
            }
        }

        if (string.IsNullOrWhiteSpace(connectionSetting))
        {
            return (null, $"the trigger of '{function.Name}' names no ConnectionStringSetting (the only form the local host serves)");
        }

        var connection = configuration[connectionSetting];
        return string.IsNullOrWhiteSpace(connection)
            ? (null, $"the app setting {connectionSetting}, the broker of '{function.Name}', is not set")
            : (new RabbitMQTriggerBinding(function, queue, connection), null);
    }

    private static string? Property(object attribute, string name) =>
        attribute.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(attribute) as string;
}
