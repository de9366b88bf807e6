using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Fractal.Bench.Engine;

/// <summary>
/// What the storage itself does, measured with the Azure SDKs directly on a scratch queue and table:
/// the latency of one queue send, receive and delete in a row and of one table upsert, and the rate
/// of queue sends, queue deletes and table upserts with many in flight.
/// </summary>
internal static class StorageCeiling
{
    private const int WarmUp = 20;
    private const int InFlight = 32;
    private const int RateOperations = 1000;

    public static async Task<CeilingFigures> MeasureAsync(string connectionString, int operations, CancellationToken cancellationToken)
    {
        var scratch = $"benchceiling{Guid.NewGuid():N}"[..24];
        var queue = new QueueClient(connectionString, scratch);
        var table = new TableClient(connectionString, scratch);
        await queue.CreateAsync(cancellationToken: cancellationToken);
        await table.CreateAsync(cancellationToken);
        try
        {
            var (roundTrips, upserts) = await MeasureLatenciesAsync(queue, table, operations, cancellationToken);
            var sendsPerSecond = await RateAsync(RateOperations, _ => queue.SendMessageAsync("{\"bench\":true}", cancellationToken), cancellationToken);
            var received = new List<(string Id, string Receipt)>();
            while (received.Count < RateOperations)
            {
                var batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), cancellationToken);
                received.AddRange(batch.Value.Select(m => (m.MessageId, m.PopReceipt)));
            }

            var deletesPerSecond = await RateAsync(RateOperations, i => queue.DeleteMessageAsync(received[i].Id, received[i].Receipt, cancellationToken), cancellationToken);
            var upsertsPerSecond = await RateAsync(
                RateOperations,
                i => table.UpsertEntityAsync(new TableEntity("rate", i.ToString(CultureInfo.InvariantCulture)) { ["Value"] = i }, TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
            return new CeilingFigures(roundTrips, upserts, sendsPerSecond, deletesPerSecond, upsertsPerSecond);
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None);
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    private static async Task<(Latencies RoundTrips, Latencies Upserts)> MeasureLatenciesAsync(QueueClient queue, TableClient table, int operations, CancellationToken cancellationToken)
    {
        var roundTrips = new Latencies();
        var upserts = new Latencies();
        for (var i = -WarmUp; i < operations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await queue.SendMessageAsync("{\"bench\":true}", cancellationToken);
            var received = await queue.ReceiveMessageAsync(cancellationToken: cancellationToken);
            await queue.DeleteMessageAsync(received.Value.MessageId, received.Value.PopReceipt, cancellationToken);
            var roundTrip = Stopwatch.GetElapsedTime(started);

            started = Stopwatch.GetTimestamp();
            var row = new TableEntity("latency", (i % 50).ToString(CultureInfo.InvariantCulture)) { ["Value"] = i };
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            var upsert = Stopwatch.GetElapsedTime(started);
            if (i >= 0)
            {
                roundTrips.Add(roundTrip);
                upserts.Add(upsert);
            }
        }

        return (roundTrips, upserts);
    }

    /// <summary>Runs <paramref name="count"/> operations, <see cref="InFlight"/> at a time, and returns how many completed a second.</summary>
    private static async Task<double> RateAsync(int count, Func<int, Task> operation, CancellationToken cancellationToken)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await operation(i);
            }
        }));
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
