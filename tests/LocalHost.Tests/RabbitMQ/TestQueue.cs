using System.Text;
using RabbitMQ.Client;

namespace Fractal.LocalHost.Tests.RabbitMQ;

/// <summary>The test's side of the broker: publish to the queue, count what waits in it, read its dead letters, delete it all.</summary>
internal sealed class TestQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private TestQueue(IConnection connection, IChannel channel, string name)
    {
        _connection = connection;
        _channel = channel;
        Name = name;
    }

    public string Name { get; }

    public static async Task<TestQueue> CreateAsync()
    {
        var connection = await new ConnectionFactory { Uri = new Uri(RabbitMQTestHost.Broker) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var name = RabbitMQTestHost.NewQueue();

        // Declared as the host declares them, so that messages wait for a host that has not started yet.
        await channel.ExchangeDeclareAsync(name + ".dead", ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(name + ".dead", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(name + ".dead", name + ".dead", string.Empty);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-dead-letter-exchange"] = name + ".dead" });
        return new TestQueue(connection, channel, name);
    }

    public async Task PublishAsync(string body) =>
        await _channel.BasicPublishAsync(string.Empty, Name, mandatory: true, new BasicProperties { DeliveryMode = DeliveryModes.Persistent, MessageId = Guid.NewGuid().ToString("N") }, Encoding.UTF8.GetBytes(body));

    /// <summary>Messages ready in the queue (not delivered to a consumer).</summary>
    public async Task<uint> ReadyAsync() => (await _channel.QueueDeclarePassiveAsync(Name)).MessageCount;

    /// <summary>The next dead letter's body and <c>x-fractal-reason</c>, or null when there is none.</summary>
    public async Task<(string Body, string? Reason)?> NextDeadLetterAsync()
    {
        var message = await _channel.BasicGetAsync(Name + ".dead", autoAck: true);
        return message is null
            ? null
            : (Encoding.UTF8.GetString(message.Body.Span), message.BasicProperties.Headers?["x-fractal-reason"] is byte[] reason ? Encoding.UTF8.GetString(reason) : null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.QueueDeleteAsync(Name);
            await _channel.QueueDeleteAsync(Name + ".dead");
            await _channel.ExchangeDeleteAsync(Name + ".dead");
        }
        finally
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
