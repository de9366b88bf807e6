using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>
/// A task queue of its own on the RabbitMQ that <c>./test.sh</c> starts: the queue and its dead letters declared as the
/// local host declares them, a queue bound to <c>fractal.events</c> that collects completion events, a publisher with
/// confirms. Disposing deletes them all.
/// </summary>
internal sealed class TaskBroker : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _eventsQueue;

    private TaskBroker(IConnection connection, IChannel channel, string queue, string eventsQueue)
    {
        _connection = connection;
        _channel = channel;
        Queue = queue;
        _eventsQueue = eventsQueue;
    }

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("RabbitMQConnection") is { Length: > 0 } value ? value : "amqp://guest:guest@127.0.0.1:5672/";

    public string Queue { get; }

    public string DeadLetters => Queue + ".dead";

    /// <summary>Completion events received, by task id.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> Events { get; } = new();

    /// <summary>The settings a host needs to consume this queue and accept every model.</summary>
    public Dictionary<string, string?> HostSettings(string acceptedModels = "*") => new()
    {
        ["FRACTAL_TASKS_QUEUE"] = Queue,
        ["RabbitMQConnection"] = ConnectionString,
        ["FRACTAL_ACCEPTED_MODELS"] = acceptedModels,
        ["AzureFunctionsJobHost:extensions:rabbitMQ:prefetchCount"] = "16",
    };

    public static async Task<TaskBroker> CreateAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(ConnectionString), AutomaticRecoveryEnabled = true };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = "fractal-tasks-" + Guid.NewGuid().ToString("N")[..12];
        var dead = queue + ".dead";
        await channel.ExchangeDeclareAsync(dead, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(dead, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(dead, dead, string.Empty);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-dead-letter-exchange"] = dead });
        await channel.ExchangeDeclareAsync("fractal.events", ExchangeType.Topic, durable: true, autoDelete: false);
        var events = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(events, "fractal.events", "#");
        var broker = new TaskBroker(connection, channel, queue, events);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var message = JsonDocument.Parse(delivery.Body).RootElement.Clone();
            broker.Events.GetOrAdd(message.GetProperty("id").GetString()!, _ => new()).Enqueue(message);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(events, autoAck: true, consumer);
        return broker;
    }

    /// <summary>Publishes <paramref name="body"/> persistently, with <paramref name="messageId"/>, and waits for the broker's confirm.</summary>
    public async Task PublishAsync(string body, string? messageId = null)
    {
        var properties = new BasicProperties { MessageId = messageId, DeliveryMode = DeliveryModes.Persistent, ContentType = "application/json" };
        await _channel.BasicPublishAsync(string.Empty, Queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    public Task PublishAsync(object body, string? messageId = null) => PublishAsync(JsonSerializer.Serialize(body), messageId);

    /// <summary>Waits until <paramref name="count"/> messages are in the dead-letter queue, then takes them: body and reason header.</summary>
    public async Task<List<(string Body, string? Reason)>> TakeDeadLettersAsync(int count, TimeSpan timeout)
    {
        var taken = new List<(string, string?)>();
        using var cancel = new CancellationTokenSource(timeout);
        while (taken.Count < count)
        {
            if (await _channel.BasicGetAsync(DeadLetters, autoAck: true, cancel.Token) is { } message)
            {
                var reason = message.BasicProperties.Headers?.TryGetValue("x-fractal-reason", out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
                taken.Add((Encoding.UTF8.GetString(message.Body.Span), reason));
            }
            else
            {
                await Task.Delay(200, cancel.Token);
            }
        }

        return taken;
    }

    /// <summary>Waits until every one of <paramref name="taskIds"/> has a completion event.</summary>
    public async Task WaitForEventsAsync(IEnumerable<string> taskIds, TimeSpan timeout)
    {
        var ids = taskIds.ToList();
        using var cancel = new CancellationTokenSource(timeout);
        while (!ids.All(Events.ContainsKey))
        {
            try
            {
                await Task.Delay(250, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{ids.Count(id => !Events.ContainsKey(id))} of {ids.Count} tasks published no completion event within {timeout}.");
            }
        }
    }

    /// <summary>How many messages wait in the task queue (ready, not delivered).</summary>
    public async Task<uint> ReadyCountAsync() => (await _channel.QueueDeclarePassiveAsync(Queue)).MessageCount;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.QueueDeleteAsync(Queue);
            await _channel.QueueDeleteAsync(DeadLetters);
            await _channel.ExchangeDeleteAsync(DeadLetters);
            await _channel.QueueDeleteAsync(_eventsQueue);
        }
        finally
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
