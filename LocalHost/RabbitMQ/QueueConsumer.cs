using System.Text;
using System.Text.Json;
using Fractal.LocalHost.Functions;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Fractal.LocalHost.RabbitMQ;

/// <summary>
/// Consumes one RabbitMQ-triggered function's queue as the RabbitMQ extension does, with RabbitMQ.Client: the queue is
/// declared durable with the dead-letter exchange <c>{queue}.dead</c> (bound to the durable queue of that name); acks are
/// manual, with the prefetch count of <c>host.json</c>, and as many invocations at once. A message is acknowledged only
/// once the function has returned. A function that throws an <see cref="ArgumentException"/> (the message is bad) has its
/// message dead-lettered at once, any other exception after three attempts: the message goes to <c>{queue}.dead</c> with
/// the header <c>x-fractal-reason</c> (the exception's message), then is acknowledged, and the consumer goes on. When the
/// broker goes away the consumer connects again, waiting longer each time (doubling up to a limit); unacknowledged
/// messages come back from the broker.
/// </summary>
internal sealed class QueueConsumer
{
    public const string ReasonHeader = "x-fractal-reason";

    private const int Attempts = 3;

    private readonly RabbitMQTriggerBinding _binding;
    private readonly RabbitMQHostOptions _options;
    private readonly FunctionInvoker _invoker;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    public QueueConsumer(RabbitMQTriggerBinding binding, RabbitMQHostOptions options, FunctionInvoker invoker, IServiceProvider services, ILogger logger)
    {
        _binding = binding;
        _options = options;
        _invoker = invoker;
        _services = services;
        _logger = logger;
    }

    /// <summary>Consumes until <paramref name="stopping"/>, connecting again whenever the connection is lost.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var delay = _options.FirstReconnectDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ConsumeUntilLostAsync(() => delay = _options.FirstReconnectDelay, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning("RabbitMQ trigger of {Function}: the broker is unavailable ({Error}); connecting again in {Delay}.", _binding.Function.Name, ex.Message, delay);
            }

            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task ConsumeUntilLostAsync(Action connected, CancellationToken stopping)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(_binding.ConnectionString),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            ConsumerDispatchConcurrency = (ushort)_options.PrefetchCount,
            ClientProvidedName = $"fractal-localhost {_binding.Function.Name}",
        };
        await using var connection = await factory.CreateConnectionAsync(stopping);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) =>
        {
            lost.TrySetResult();
            return Task.CompletedTask;
        };
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, consumerDispatchConcurrency: (ushort)_options.PrefetchCount), stopping);
        channel.ChannelShutdownAsync += (_, _) =>
        {
            lost.TrySetResult();
            return Task.CompletedTask;
        };
        await DeclareAsync(channel, stopping);
        await channel.BasicQosAsync(0, (ushort)_options.PrefetchCount, global: false, stopping);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery, stopping);
        await channel.BasicConsumeAsync(_binding.QueueName, autoAck: false, consumer, stopping);
        connected();
        _logger.LogInformation("RabbitMQ trigger of {Function} listens on queue {Queue} (prefetch {Prefetch}, dead letters to {DeadLetters}).",
            _binding.Function.Name, _binding.QueueName, _options.PrefetchCount, _binding.DeadLetterName);
        await lost.Task.WaitAsync(stopping);
        _logger.LogWarning("RabbitMQ trigger of {Function}: the connection to the broker was lost.", _binding.Function.Name);
    }

    private async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var dead = _binding.DeadLetterName;
        await channel.ExchangeDeclareAsync(dead, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(dead, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(dead, dead, string.Empty, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(
            _binding.QueueName, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-dead-letter-exchange"] = dead }, cancellationToken: cancellationToken);
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stopping)
    {
        var body = delivery.Body.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InvokeAsync(delivery, body, stopping);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stopping);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Not acknowledged: the broker hands the message to another consumer once this one is gone.
                return;
            }
            catch (Exception ex) when (ex is ArgumentException || attempt >= Attempts)
            {
                await DeadLetterAsync(channel, delivery, body, ex, stopping);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning(ex, "Function {Function} failed on message {DeliveryTag} (attempt {Attempt} of {Attempts}).", _binding.Function.Name, delivery.DeliveryTag, attempt, Attempts);
                await Task.Delay(TimeSpan.FromSeconds(attempt), stopping);
            }
        }
    }

    private async Task InvokeAsync(BasicDeliverEventArgs delivery, byte[] body, CancellationToken stopping)
    {
        var function = _binding.Function;
        await using var scope = _services.CreateAsyncScope();
        var context = new LocalFunctionContext(function, scope.ServiceProvider, stopping, BindingData(delivery));
        await _invoker.InvokeAsync(function, context, TriggerInput(function.Trigger.ParameterType, body));
    }

    private async Task DeadLetterAsync(IChannel channel, BasicDeliverEventArgs delivery, byte[] body, Exception error, CancellationToken stopping)
    {
        var reason = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        _logger.LogWarning("Function {Function} refused message {MessageId}: {Reason}; it goes to {DeadLetters}.", _binding.Function.Name, delivery.BasicProperties.MessageId, reason, _binding.DeadLetterName);
        var properties = new BasicProperties(delivery.BasicProperties)
        {
            Headers = new Dictionary<string, object?>(delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
            {
                [ReasonHeader] = reason,
                ["x-fractal-function"] = _binding.Function.Name,
                ["x-fractal-queue"] = _binding.QueueName,
            },
        };
        await channel.BasicPublishAsync(_binding.DeadLetterName, _binding.QueueName, mandatory: false, properties, body, stopping);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stopping);
    }

    /// <summary>The body as the trigger parameter takes it: text, bytes, or JSON of the parameter's type.</summary>
    private static object? TriggerInput(Type type, byte[] body)
    {
        if (type == typeof(byte[]))
        {
            return body;
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return new ReadOnlyMemory<byte>(body);
        }

        if (type == typeof(string))
        {
            return Encoding.UTF8.GetString(body);
        }

        try
        {
            return JsonSerializer.Deserialize(body, type, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The message is not JSON of the type {type.Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The message's binding data as the RabbitMQ extension offers it: its properties (as JSON), delivery tag, exchange, routing key.</summary>
    private static Dictionary<string, object?> BindingData(BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["BasicProperties"] = JsonSerializer.Serialize(new
            {
                properties.MessageId,
                properties.CorrelationId,
                properties.ContentType,
                properties.AppId,
                properties.Type,
                properties.ReplyTo,
            }),
            ["MessageId"] = properties.MessageId,
            ["DeliveryTag"] = delivery.DeliveryTag,
            ["Redelivered"] = delivery.Redelivered,
            ["Exchange"] = delivery.Exchange,
            ["RoutingKey"] = delivery.RoutingKey,
            ["ConsumerTag"] = delivery.ConsumerTag,
        };
    }
}
