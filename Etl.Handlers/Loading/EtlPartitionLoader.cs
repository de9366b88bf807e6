namespace Fractal.Etl.Handlers;

/// <summary>The extract-and-load step of one partition: the handler's batches into one Parquet stream.</summary>
public static class EtlPartitionLoader
{
    /// <summary>
    /// Extracts <paramref name="partition"/> with <paramref name="handler"/> and writes it to
    /// <paramref name="output"/>. Throws an <see cref="EtlException"/> on failure; the caller deletes the blob.
    /// </summary>
    public static async Task<DatasetPartSummary> LoadAsync(
        IEtlHandler handler,
        EtlPartition partition,
        EtlExtractContext context,
        Stream output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(context);
        await using var writer = await ParquetDatasetWriter.CreateAsync(output, partition.Descriptor.DataType, context.Settings, cancellationToken);
        await foreach (var batch in handler.ExtractAsync(partition, context, cancellationToken))
        {
            await writer.WriteAsync(batch, cancellationToken);
        }

        return await writer.CompleteAsync();
    }
}
