using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Fractal.Bench.Engine;

/// <summary>
/// What the storage itself does, measured with the Azure SDKs directly on a scratch queue and table:
/// one queue send, receive and delete in a row, and one table upsert.
/// </summary>
internal static class StorageCeiling
{
    private const int WarmUp = 20;

    public static async Task<CeilingFigures> MeasureAsync(string connectionString, int operations, CancellationToken cancellationToken)
    {
        var scratch = $"benchceiling{Guid.NewGuid():N}"[..24];
        var queue = new QueueClient(connectionString, scratch);
        var table = new TableClient(connectionString, scratch);
        await queue.CreateAsync(cancellationToken: cancellationToken);
        await table.CreateAsync(cancellationToken);
        try
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
                var row = new TableEntity("bench", (i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture)) { ["Value"] = i };
                await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
                var upsert = Stopwatch.GetElapsedTime(started);
                if (i >= 0)
                {
                    roundTrips.Add(roundTrip);
                    upserts.Add(upsert);
                }
            }

            return new CeilingFigures(roundTrips, upserts);
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None);
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}
