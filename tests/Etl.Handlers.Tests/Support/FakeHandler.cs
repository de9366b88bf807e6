using System.Runtime.CompilerServices;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Tests.Support;

internal sealed class FakeHandler(string name, int plannedPartitions = 1) : IEtlHandler
{
    public string Name { get; } = name;

    public string Description => "A handler the tests script.";

    public IReadOnlyList<FieldError> Validate(EtlRequest request) => [];

    public Task<IReadOnlyList<EtlPartition>> PlanAsync(EtlSource source, Descriptor descriptor, EtlExtractContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EtlPartition>>([.. Enumerable.Range(0, plannedPartitions).Select(i => new EtlPartition(source, descriptor, i, plannedPartitions))]);

    public async IAsyncEnumerable<DatasetTable> ExtractAsync(EtlPartition partition, EtlExtractContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield break;
    }
}
