using System.Text.Json;
using RabbitMQ.Client;

namespace Fractal.FunctionApp.Tasks.Events;

/// <summary>
/// Publishes task events to the topic exchange <c>fractal.events</c> (declared durable), routing key the model's name,
/// persistent and confirmed by the broker, over one connection and channel kept open and made again after a failure.
/// </summary>
internal sealed class RabbitMqTaskEventPublisher : ITaskEventPublisher, IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    public RabbitMqTaskEventPublisher(string connectionString)
    {
        _factory = new ConnectionFactory { Uri = new Uri(connectionString), ClientProvidedName = "fractal-task-events" };
    }

    public async Task PublishAsync(TaskEvent taskEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskEvent);
        var body = JsonSerializer.SerializeToUtf8Bytes(taskEvent, Definitions.TaskParameters.Json);
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = $"{taskEvent.Id}:{taskEvent.Status}",
        };
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var channel = await ChannelAsync(cancellationToken);
            await channel.BasicPublishAsync(TaskSettings.EventsExchange, taskEvent.Model, mandatory: false, properties, body, cancellationToken);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _lock.Dispose();
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await CloseAsync();
        _connection = await _factory.CreateConnectionAsync(cancellationToken);
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await _channel.ExchangeDeclareAsync(TaskSettings.EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        return _channel;
    }

    private async Task CloseAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
            _channel = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
