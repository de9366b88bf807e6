using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>
/// A data source. The orchestration calls <see cref="Validate"/> up front (before anything starts),
/// then <see cref="PlanAsync"/> once per descriptor, then <see cref="ExtractAsync"/> once per partition,
/// loading each partition's batches with <see cref="ParquetDatasetWriter"/>.
/// </summary>
public interface IEtlHandler
{
    /// <summary>The name requests use, such as <c>csv</c>.</summary>
    string Name { get; }

    /// <summary>One line for the catalog (<c>/api/handlers</c>): the source it reads and its options.</summary>
    string Description { get; }

    /// <summary>
    /// The handler's own checks of <c>server</c>, <c>options</c> and the descriptors (whose general
    /// shape the registry has checked already); each error names the request field at fault.
    /// </summary>
    IReadOnlyList<FieldError> Validate(EtlRequest request);

    /// <summary>
    /// The option by which a request asks for a number of partitions per descriptor, and that number; null when the
    /// handler chooses the partitions itself. The registry holds the number to <see cref="EtlSettings.MaxPartitions"/>.
    /// </summary>
    PartitionRequest? RequestedPartitions(EtlRequest request) => null;

    /// <summary>
    /// Splits one descriptor's extraction into partitions; may ask the source (min/max of a key). By default one
    /// partition: the whole source, read in one go.
    /// </summary>
    Task<IReadOnlyList<EtlPartition>> PlanAsync(EtlSource source, Descriptor descriptor, EtlExtractContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EtlPartition>>([new EtlPartition(source, descriptor, 0, 1)]);

    /// <summary>Reads and types one partition as long-form batches of at most <see cref="EtlSettings.BatchRows"/> rows.</summary>
    IAsyncEnumerable<DatasetTable> ExtractAsync(EtlPartition partition, EtlExtractContext context, CancellationToken cancellationToken);
}
