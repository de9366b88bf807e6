using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Fractal.Bench.Tasks;

/// <summary>
/// One measured run: <c>count</c> one-partition <c>frontier-aggregation</c> tasks published at once to the task queue,
/// timed from the first publish to the last <c>Completed</c> event on <c>fractal.events</c>.
/// </summary>
internal static class TaskRun
{
    public static async Task<(TimeSpan Elapsed, int Completed)> MeasureAsync(string connectionString, string queue, int count, int rows, TimeSpan timeout)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync("fractal.events", ExchangeType.Topic, durable: true, autoDelete: false);
        var events = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(events, "fractal.events", "frontier-aggregation");

        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = Enumerable.Range(0, count).Select(i => $"bench-{run}-{i}").ToHashSet();
        var completed = new ConcurrentDictionary<string, bool>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var message = JsonDocument.Parse(delivery.Body);
            var id = message.RootElement.GetProperty("id").GetString()!;
            if (ids.Contains(id) && message.RootElement.GetProperty("status").GetString() == "Completed" && completed.TryAdd(id, true) && completed.Count == count)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(events, autoAck: true, consumer);

        var clock = Stopwatch.StartNew();
        var properties = new BasicProperties { DeliveryMode = DeliveryModes.Persistent, ContentType = "application/json" };
        foreach (var id in ids)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { model = "frontier-aggregation", task_id = id, @params = new { demo = new { rows }, partitions = 1 } });
            await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body);
        }

        await Task.WhenAny(done.Task, Task.Delay(timeout));
        return (clock.Elapsed, completed.Count);
    }

    /// <summary>Deletes the bench's queue and its dead letters.</summary>
    public static async Task DeleteQueueAsync(string connectionString, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
        await channel.QueueDeleteAsync(queue + ".dead");
        await channel.ExchangeDeleteAsync(queue + ".dead");
    }
}
