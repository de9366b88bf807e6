using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Tests.Support;

/// <summary>Runs a handler the way the orchestration does: plan, then extract and load each partition, then combine.</summary>
internal static class EtlRun
{
    public static async Task<DatasetTable> ExtractAsync(IEtlHandler handler, EtlSource source, Descriptor descriptor, EtlExtractContext? context = null)
    {
        context ??= TestSettings.Context();
        var partitions = await handler.PlanAsync(source, descriptor, context, CancellationToken.None);
        var builder = new DatasetTableBuilder(descriptor.DataType);
        foreach (var partition in partitions)
        {
            await foreach (var batch in handler.ExtractAsync(partition, context, CancellationToken.None))
            {
                for (var i = 0; i < batch.RowCount; i++)
                {
                    if (batch.DataType.IsNumeric())
                    {
                        builder.Add(batch.Ids[i], batch.Features[i], batch.Numbers[i]);
                    }
                    else
                    {
                        builder.Add(batch.Ids[i], batch.Features[i], batch.Labels[i]);
                    }
                }
            }
        }

        return builder.Build();
    }

    /// <summary>Loads every partition to its own Parquet part, then combines them; returns the combined file and summary.</summary>
    public static async Task<(byte[] Parquet, DatasetPartSummary Summary, int Partitions)> LoadAsync(
        IEtlHandler handler, EtlSource source, Descriptor descriptor, EtlExtractContext? context = null)
    {
        context ??= TestSettings.Context();
        var partitions = await handler.PlanAsync(source, descriptor, context, CancellationToken.None);
        var parts = new List<byte[]>();
        foreach (var partition in partitions)
        {
            using var part = new MemoryStream();
            await EtlPartitionLoader.LoadAsync(handler, partition, context, part, CancellationToken.None);
            parts.Add(part.ToArray());
        }

        using var output = new MemoryStream();
        var summary = await ParquetDatasetCombiner.CombineAsync(
            parts.Count,
            (i, _) => Task.FromResult<Stream>(new MemoryStream(parts[i], writable: false)),
            output,
            descriptor.DataType,
            context.Settings,
            CancellationToken.None);
        return (output.ToArray(), summary, partitions.Count);
    }
}
