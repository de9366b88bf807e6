using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>
/// Joins the Parquet parts of a partitioned dataset into one file, row group by row group in part order, re-checking the
/// dataset limits over the whole. The caller deletes the parts afterwards (and the output on failure).
/// </summary>
public static class ParquetDatasetCombiner
{
    /// <remarks>Opens part <c>i</c> (0-based) as a readable, seekable stream; it is disposed after use.</remarks>
    public static async Task<DatasetPartSummary> CombineAsync(
        int partCount,
        Func<int, CancellationToken, Task<Stream>> openPart,
        Stream output,
        DataType dataType,
        EtlSettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openPart);
        ArgumentOutOfRangeException.ThrowIfNegative(partCount);
        await using var writer = await ParquetDatasetWriter.CreateAsync(output, dataType, settings, cancellationToken);
        for (var part = 0; part < partCount; part++)
        {
            await using var input = await openPart(part, cancellationToken);
            await foreach (var rowGroup in ParquetDatasetReader.ReadRowGroupsAsync(input, cancellationToken))
            {
                await writer.WriteAsync(rowGroup, cancellationToken);
            }
        }

        return await writer.CompleteAsync();
    }
}
